import { beforeAll, describe, expect, it, vi } from 'vitest';
import { type Api, METHODS } from '../../common/contract';
import { EVENT_CHANNEL, RPC_CHANNEL } from '../../common/ipc-channels';

type IpcListener = (event: unknown, ...args: unknown[]) => void;

// Small fakes of the two Electron objects the preload touches.
const fake = vi.hoisted(() => {
  const exposed: Record<string, unknown> = {};
  const listeners = new Map<string, Set<IpcListener>>();
  return {
    exposed,
    listeners,
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => void (exposed[key] = value) },
    ipcRenderer: {
      invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, value: 'answer' })),
      on: (channel: string, listener: IpcListener) =>
        void (listeners.get(channel) ?? listeners.set(channel, new Set()).get(channel)!).add(listener),
      removeListener: (channel: string, listener: IpcListener) => void listeners.get(channel)?.delete(listener),
    },
  };
});
vi.mock('electron', () => ({ contextBridge: fake.contextBridge, ipcRenderer: fake.ipcRenderer }));

describe('preload bridge', () => {
  let koers: Api;
  beforeAll(async () => {
    await import('../../preload/index');
    koers = fake.exposed.koers as Api;
  });

  it('exposes one object, window.koers, with exactly the contract methods plus on', () => {
    expect(Object.keys(fake.exposed)).toEqual(['koers']);
    expect(Object.keys(koers).sort()).toEqual([...METHODS, 'on'].sort());
    expect(Object.isFrozen(koers)).toBe(true);
  });

  it('forwards a call as (method, input) on the rpc channel, adding nothing', async () => {
    const input = { firstName: 'Ida', lastName: 'Holm' };
    await expect(koers['clients.create'](input)).resolves.toEqual({ ok: true, value: 'answer' });
    expect(fake.ipcRenderer.invoke).toHaveBeenCalledWith(RPC_CHANNEL, 'clients.create', input);
  });

  it('delivers events by name and unsubscribes', () => {
    const changed = vi.fn();
    const unsubscribe = koers.on('data.changed', changed);
    const emit = (name: string, payload: unknown) => {
      for (const listener of fake.listeners.get(EVENT_CHANNEL) ?? []) listener({}, name, payload);
    };
    emit('settings.changed', { language: 'da' });
    emit('data.changed', { scope: 'clients' });
    expect(changed).toHaveBeenCalledExactlyOnceWith({ scope: 'clients' });
    unsubscribe();
    emit('data.changed', { scope: 'actions' });
    expect(changed).toHaveBeenCalledOnce();
    expect(fake.listeners.get(EVENT_CHANNEL)?.size).toBe(0);
  });

  it('refuses to subscribe to an event the contract does not list', () => {
    expect(() => koers.on('secret.event' as 'data.changed', () => {})).toThrow(/Unknown event/);
  });
});
