import type { BrowserContext } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { RPC_CHANNEL } from '../../common/ipc-channels';
import type { Dispatch } from '../../main/rpc/dispatch';

const preloadBundle = resolve(import.meta.dirname, '../../out/preload/index.cjs');

/**
 * Runs the built preload bundle in the page, exactly as Electron would run it in a
 * sandbox: `require` offers only 'electron', whose ipcRenderer forwards to a page
 * binding that reaches the real dispatcher in this Node process.
 */
function preloadInitScript(): string {
  if (!existsSync(preloadBundle)) throw new Error('out/preload/index.cjs is missing: run `npm run build` first');
  return `(() => {
    const listeners = new Set();
    const fakeElectron = {
      contextBridge: { exposeInMainWorld: (key, api) => Object.defineProperty(window, key, { value: api }) },
      ipcRenderer: {
        invoke: (channel, method, input) => window.__koersInvoke(channel, method, input),
        on: (channel, listener) => { listeners.add(listener); },
        removeListener: (channel, listener) => { listeners.delete(listener); },
      },
    };
    window.__koersEmit = (name, payload) => { for (const l of listeners) l({}, name, payload); };
    const sandboxRequire = (name) => {
      if (name === 'electron') return fakeElectron;
      throw new Error('A sandboxed preload cannot require ' + name);
    };
    const sandboxModule = { exports: {} };
    // Electron wraps a preload the same way: its own require, module and exports.
    (function (require, module, exports) {
      ${readFileSync(preloadBundle, 'utf8')}
    })(sandboxRequire, sandboxModule, sandboxModule.exports);
  })();`;
}

/** The renderer in Chromium wired to a real Koers (end-to-end tests, UI benchmarks). */
export async function wireApp(context: BrowserContext, current: () => { dispatch: Dispatch }): Promise<void> {
  await context.exposeBinding('__koersInvoke', async (_source, channel: string, method: string, input: unknown) => {
    if (channel !== RPC_CHANNEL) throw new Error(`unexpected channel ${channel}`);
    return current().dispatch(method, input);
  });
  await context.addInitScript({ content: preloadInitScript() });
}
