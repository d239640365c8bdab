import { describe, expect, it, vi } from 'vitest';
import { contract, DATA_SCOPES, type EventPayload, type Handlers, type Method, METHODS } from '../../common/contract';
import { AppError, conflict, notFound } from '../../main/rpc/app-error';
import { createDispatch, type DispatchOptions } from '../../main/rpc/dispatch';
import { openTestKoers } from '../helpers/koers';
import { createClient, ok, setUp } from '../helpers/seed';

const ID = '0190c2d4-7b9a-7cc0-8000-000000000001';

/** Valid inputs for methods with something to report: from one scope to all of them. */
const CHANGING: Array<[Method, unknown]> = [
  ['goals.set', { clientId: ID, indicatorKey: 'k', target: 4 }],
  ['goals.remove', { id: ID }],
  ['notes.update', { id: ID, kind: 'conversation', notedAt: '2026-03-02T10:00', body: 'Gesprek', pinned: false }],
  ['clients.handover', { ids: [ID], toCaseworkerId: ID, date: '2026-03-02' }],
  ['clients.changeStages', { ids: [ID, ID], stageId: ID, date: '2026-03-02' }],
  ['meeting.add', { ids: [ID] }],
  ['privacy.purge', { clientIds: [ID] }],
  ['backups.restore', { fileName: 'koers-2026-03-02T101500000Z.sqlite' }],
];

/** A dispatcher whose every handler answers `answer` (or throws it), and the events it emitted. */
function dispatcherWith(answer: () => Promise<unknown>, options: Partial<DispatchOptions> = {}) {
  const emitted: Array<EventPayload<'data.changed'>['scope']> = [];
  const handlers = Object.fromEntries(METHODS.map((method) => [method, vi.fn(answer)])) as unknown as Handlers<null>;
  const dispatch = createDispatch(handlers, null, {
    onInternalError: () => {},
    emit: (_event, { scope }) => emitted.push(scope),
    ...options,
  });
  return { dispatch, emitted, handlers };
}

describe('the dispatcher reports changes from the contract', () => {
  it.each(CHANGING)('%s: after a successful call, data.changed for exactly its changes', async (method, input) => {
    expect(contract[method].changes.length).toBeGreaterThan(0);
    const { dispatch, emitted } = dispatcherWith(async () => ({ ok: true }));
    expect(await dispatch(method, input)).toMatchObject({ ok: true });
    expect(emitted).toEqual(contract[method].changes);
  });

  it('emits goals for a goal and every scope for a restore', async () => {
    const goal = dispatcherWith(async () => ({ ok: true }));
    await goal.dispatch('goals.remove', { id: ID });
    expect(goal.emitted).toEqual(['goals']);
    const restore = dispatcherWith(async () => ({ ok: true }));
    await restore.dispatch('backups.restore', { fileName: 'koers-2026-03-02T101500000Z.sqlite' });
    expect(restore.emitted).toEqual(DATA_SCOPES);
  });

  it('emits only once the handler is done', async () => {
    let seenByHandler: number | undefined;
    const run = dispatcherWith(async () => {
      await Promise.resolve();
      seenByHandler = run.emitted.length;
      return { ok: true };
    });
    await run.dispatch('goals.remove', { id: ID });
    expect(seenByHandler).toBe(0);
    expect(run.emitted).toEqual(['goals']);
  });

  it('emits nothing for a call that reads', async () => {
    const { dispatch, emitted } = dispatcherWith(async () => ({ ok: true }));
    expect(await dispatch('goals.list', { clientId: ID })).toMatchObject({ ok: true });
    expect(emitted).toEqual([]);
  });

  it.each([
    ['an expected failure', () => Promise.reject(notFound('Goal'))],
    ['a conflict', () => Promise.reject(conflict('In use', { reason: 'in_use' }))],
    ['a bug', () => Promise.reject(new Error('boom'))],
  ])('emits nothing after %s', async (_kind, answer) => {
    for (const [method, input] of CHANGING) {
      const { dispatch, emitted } = dispatcherWith(answer);
      expect(await dispatch(method, input)).toMatchObject({ ok: false });
      expect(emitted).toEqual([]);
    }
  });

  it('emits nothing for a call the guard refuses or the input rejects, and runs no handler', async () => {
    const refused = dispatcherWith(async () => ({ ok: true }), {
      guard: async () => new AppError('forbidden', 'Only a key person may do this'),
    });
    expect(await refused.dispatch('goals.remove', { id: ID })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(refused.emitted).toEqual([]);
    expect(refused.handlers['goals.remove']).not.toHaveBeenCalled();

    const invalid = dispatcherWith(async () => ({ ok: true }));
    expect(await invalid.dispatch('goals.remove', { id: '' })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    expect(invalid.emitted).toEqual([]);
  });

  it('reports the changes of a call that saved them but reports a problem left (an erasure not yet off the disk)', async () => {
    const { dispatch, emitted } = dispatcherWith(() =>
      Promise.reject(conflict('Erased; the log is not empty yet', { reason: 'erase_pending' }, { committed: true })),
    );
    expect(await dispatch('privacy.purge', { clientIds: [ID] })).toMatchObject({
      ok: false,
      error: { code: 'conflict', details: { reason: 'erase_pending' } },
    });
    expect(emitted).toEqual(contract['privacy.purge'].changes);
  });
});

describe('the real handlers, through openKoers', () => {
  it('a goal reports goals (not scorings), a refused call nothing', async () => {
    const koers = await openTestKoers();
    try {
      await setUp(koers);
      const client = await createClient(koers);
      const changed = () => koers.events.filter((e) => e.event === 'data.changed').map((e) => e.payload);
      koers.events.length = 0;
      await ok(koers.call('goals.set', { clientId: client.id, indicatorKey: 'k', target: 4 }));
      expect(changed()).toEqual([{ scope: 'goals' }]);

      koers.events.length = 0;
      const kees = await ok(koers.call('caseworkers.create', { name: 'Kees Bakker', role: 'caseworker' }));
      await ok(koers.call('caseworkers.switchCurrent', { id: kees.id }));
      koers.events.length = 0;
      expect(await koers.call('catalog.create', { kind: 'stage', name: 'Extra' })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
      expect(changed()).toEqual([]);
    } finally {
      await koers.cleanup();
    }
  });
});
