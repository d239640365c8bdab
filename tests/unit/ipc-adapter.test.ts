import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Handlers } from '../../common/contract';
import type { Context } from '../../main/context';
import { registry } from '../../main/handlers';
import { EVENT_CHANNEL, RPC_CHANNEL } from '../../common/ipc-channels';
import { createEmitter, registerRpc, UntrustedSenderError } from '../../main/ipc-adapter';
import { createDispatch } from '../../main/rpc/dispatch';
import { type AppOrigin, isTrustedSender } from '../../main/security';
import { openTestKoers, type TestKoers } from '../helpers/koers';

const ORIGIN: AppOrigin = { rendererFileUrl: 'file:///opt/Koers/resources/app.asar/out/renderer/index.html' };
type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

/** A fake ipcMain that keeps the one handler registered on it. */
function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  const ipcMain: Pick<IpcMain, 'handle'> = {
    handle: (channel: string, listener: Listener) => void handlers.set(channel, listener),
  };
  const invoke = (frame: { url: string; parent: unknown } | null, method: unknown, input: unknown) =>
    Promise.resolve(handlers.get(RPC_CHANNEL)!({ senderFrame: frame } as IpcMainInvokeEvent, method, input));
  return { ipcMain, invoke, channels: () => [...handlers.keys()] };
}

describe('IPC adapter', () => {
  let koers: TestKoers;
  let spies: Handlers<Context>;
  let refused: UntrustedSenderError[];
  let ipc: ReturnType<typeof fakeIpcMain>;
  const appFrame = { url: `${ORIGIN.rendererFileUrl}#/clients`, parent: null };

  beforeEach(async () => {
    koers = await openTestKoers();
    // The real handlers, wrapped so the test sees whether they ran.
    spies = Object.fromEntries(
      Object.entries(registry).map(([name, fn]) => [name, vi.fn(fn)]),
    ) as unknown as Handlers<Context>;
    const dispatch = createDispatch(spies, koers.context, { onInternalError: () => {}, emit: koers.context.emit });
    refused = [];
    ipc = fakeIpcMain();
    registerRpc(
      ipc.ipcMain,
      dispatch,
      (frame) => isTrustedSender(frame, ORIGIN),
      (e) => refused.push(e),
    );
  });
  afterEach(() => koers.cleanup());

  it('registers exactly one channel', () => {
    expect(ipc.channels()).toEqual([RPC_CHANNEL]);
  });

  it('runs a call from the app frame', async () => {
    const result = await ipc.invoke(appFrame, 'clients.create', { firstName: 'Anna', lastName: 'Berg' });
    expect(result).toMatchObject({ ok: true, value: { firstName: 'Anna' } });
    expect(spies['clients.create']).toHaveBeenCalledOnce();
  });

  it.each([
    ['another file', { url: 'file:///tmp/evil.html', parent: null }],
    ['a web page', { url: 'https://example.org/', parent: null }],
    ['a sub-frame of the app', { url: ORIGIN.rendererFileUrl!, parent: {} }],
    ['no frame at all', null],
  ])('refuses a call from %s and never runs the handler', async (_label, frame) => {
    await expect(ipc.invoke(frame, 'clients.create', { firstName: 'A', lastName: 'B' })).rejects.toBeInstanceOf(
      UntrustedSenderError,
    );
    expect(refused).toHaveLength(1);
    expect(spies['clients.create']).not.toHaveBeenCalled();
    expect(await koers.dispatch('clients.list', {})).toEqual({ ok: true, value: [] });
  });

  it.each(['clients.erase', 'toString', '__proto__', 'constructor', 42, undefined])(
    'answers not_found for unknown method %s',
    async (method) => {
      const result = await ipc.invoke(appFrame, method, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
      for (const spy of Object.values(spies)) expect(spy).not.toHaveBeenCalled();
    },
  );

  it('answers validation for bad input and never runs the handler', async () => {
    const result = await ipc.invoke(appFrame, 'clients.create', { firstName: '', lastName: 'B' });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(spies['clients.create']).not.toHaveBeenCalled();
  });

  it.each([
    ['clients.handover', { toCaseworkerId: 'w', date: '2026-03-02' }],
    ['clients.changeStages', { stageId: 's', date: '2026-03-02' }],
    ['meeting.add', {}],
    ['meeting.remove', {}],
  ] as const)(
    '%s: refuses an empty, an over-long or a malformed list of clients before the handler',
    async (method, rest) => {
      for (const ids of [[], Array.from({ length: 1001 }, (_, n) => `c${n}`), [''], 'c1', [7]]) {
        const result = await ipc.invoke(appFrame, method, { ids, ...rest });
        expect(result).toMatchObject({ ok: false, error: { code: 'validation' } });
      }
      expect(spies[method]).not.toHaveBeenCalled();
    },
  );

  it('sends events only to windows that are still open', () => {
    const alive = { send: vi.fn(), isDestroyed: () => false };
    const closed = { send: vi.fn(), isDestroyed: () => true };
    createEmitter(() => [alive, closed])('data.changed', { scope: 'clients' });
    expect(alive.send).toHaveBeenCalledWith(EVENT_CHANNEL, 'data.changed', { scope: 'clients' });
    expect(closed.send).not.toHaveBeenCalled();
  });
});
