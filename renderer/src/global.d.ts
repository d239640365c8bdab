/// <reference types="vite/client" />
import type { Api } from '../../common/contract';

declare global {
  interface Window {
    /** Exposed by the preload (or the test harness); see preload/bridge.ts. */
    readonly koers: Api;
  }
}
