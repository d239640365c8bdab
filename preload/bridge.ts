import { type Api, EVENTS, type EventName, METHODS } from '../common/contract';

/** The two channels the bridge needs; ipcRenderer in the app, a fake or a page binding in tests. */
export interface BridgeTransport {
  invoke(method: string, input: unknown): Promise<unknown>;
  /** Subscribes to all events from main; returns an unsubscribe. */
  listen(listener: (event: string, payload: unknown) => void): () => void;
}

/**
 * Builds `window.koers`: exactly one function per contract method, plus `on`.
 * No logic beyond forwarding: validation happens in main.
 */
export function createBridge(transport: BridgeTransport): Api {
  const api: Record<string, unknown> = {};
  for (const method of METHODS) {
    api[method] = (input: unknown) => transport.invoke(method, input);
  }
  api.on = (event: EventName, callback: (payload: unknown) => void) => {
    if (!EVENTS.includes(event)) throw new Error(`Unknown event ${String(event)}`);
    return transport.listen((name, payload) => {
      if (name === event) callback(payload);
    });
  };
  return Object.freeze(api) as Api;
}
