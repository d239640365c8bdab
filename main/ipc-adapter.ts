import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { EventName, EventPayload } from '../common/contract';
import type { Dispatch } from './rpc/dispatch';
import { EVENT_CHANNEL, RPC_CHANNEL } from '../common/ipc-channels';

export class UntrustedSenderError extends Error {
  constructor(url: string) {
    super(`Refused a call from ${url || 'an unknown frame'}`);
    this.name = 'UntrustedSenderError';
  }
}

/**
 * The only IPC entry point: every call's sender frame is checked before the
 * dispatcher (contract lookup, input parsing, handler) ever sees it.
 */
export function registerRpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  dispatch: Dispatch,
  isTrusted: (frame: IpcMainInvokeEvent['senderFrame']) => boolean,
  onRefused: (error: UntrustedSenderError) => void,
): void {
  ipcMain.handle(RPC_CHANNEL, async (event, method: unknown, input: unknown) => {
    if (!isTrusted(event.senderFrame)) {
      const error = new UntrustedSenderError(event.senderFrame?.url ?? '');
      onRefused(error);
      throw error;
    }
    return dispatch(typeof method === 'string' ? method : '', input);
  });
}

/** Sends a contract event to every window that is still alive. */
export function createEmitter(windows: () => Iterable<Pick<WebContents, 'send' | 'isDestroyed'>>) {
  return <E extends EventName>(event: E, payload: EventPayload<E>): void => {
    for (const contents of windows()) {
      if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, event, payload);
    }
  };
}
