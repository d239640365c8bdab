import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATA_SCOPES, type EventName, type Method, METHODS, scopesOf } from '../../common/contract';
import { followMain, remote } from '../../renderer/src/query';

/** `window.koers` as far as events go: the test emits what main would. */
function fakeBridge() {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const koers = {
    on(event: string, callback: (payload: unknown) => void) {
      const set = listeners.get(event) ?? new Set();
      set.add(callback);
      listeners.set(event, set);
      return () => set.delete(callback);
    },
  };
  const emit = (event: EventName, payload: unknown) => listeners.get(event)?.forEach((l) => l(payload));
  return { koers, emit };
}

describe('the renderer’s query cache follows main', () => {
  let client: QueryClient;
  let emit: (event: EventName, payload: unknown) => void;
  let unfollow: () => void;

  beforeEach(() => {
    const bridge = fakeBridge();
    Object.assign(globalThis, { window: { koers: bridge.koers } });
    emit = bridge.emit;
    client = new QueryClient();
    unfollow = followMain(client);
  });
  afterEach(() => {
    unfollow();
    client.clear();
    Reflect.deleteProperty(globalThis, 'window');
  });

  /** One cached answer for every method (the queries' own functions never run: nothing observes them). */
  async function cacheEveryMethod(): Promise<void> {
    client.clear();
    for (const method of METHODS)
      await client.prefetchQuery({
        ...remote(method, {} as never),
        queryFn: async () => ({ answer: method }) as never,
      });
  }
  const invalidated = () =>
    client
      .getQueryCache()
      .findAll()
      .filter((query) => query.state.isInvalidated)
      .map((query) => query.queryKey[0] as Method)
      .sort();

  it('data.changed marks exactly the answers whose method reads that scope (the contract’s `reads`)', async () => {
    for (const scope of DATA_SCOPES) {
      await cacheEveryMethod();
      emit('data.changed', { scope });
      expect(invalidated(), scope).toEqual(METHODS.filter((m) => scopesOf(m).includes(scope)).sort());
    }
  });

  it('a goal set or removed reloads the goals, the scoring form and the progression chart, not the caseload', async () => {
    await cacheEveryMethod();
    emit('data.changed', { scope: 'goals' });
    expect(invalidated()).toEqual(expect.arrayContaining(['charts.progression', 'goals.list', 'scorings.form']));
    expect(invalidated()).not.toContain('clients.list');
  });

  it('an answer asked for with live: false stays as it was (a scoring being filled in)', async () => {
    client.clear();
    const form = remote('scorings.form', { clientId: 'c-1' }, { live: false });
    await client.prefetchQuery({ ...form, queryFn: async () => null });
    emit('data.changed', { scope: 'sheets' });
    expect(client.getQueryState(form.queryKey)?.isInvalidated).toBe(false);
  });

  it('the lock, the displays and the presentation follow their own events', async () => {
    await cacheEveryMethod();
    emit('lock.changed', { locked: true });
    emit('displays.changed', {});
    expect(invalidated()).toEqual(['lock.status', 'presentation.displays']);

    const state = { clientIds: ['c-1', 'c-2'], index: 1, showNames: false, displayId: 2 };
    emit('presentation.changed', { state });
    expect(client.getQueryData(remote('presentation.current', {}).queryKey)).toEqual(state);
    emit('presentation.changed', { state: null });
    expect(client.getQueryData(remote('presentation.current', {}).queryKey)).toBeNull();
  });

  it('keys answers by [method, input], whatever order the input was written in', async () => {
    client.clear();
    const rows = [{ id: 'c-1' }] as never;
    await client.prefetchQuery({
      ...remote('clients.list', { status: 'active', caseworkerId: 'w' }),
      queryFn: async () => rows,
    });
    expect(client.getQueryData(remote('clients.list', { caseworkerId: 'w', status: 'active' }).queryKey)).toBe(rows);
    expect(client.getQueryData(remote('clients.list', { status: 'all', caseworkerId: 'w' }).queryKey)).toBeUndefined();
  });
});
