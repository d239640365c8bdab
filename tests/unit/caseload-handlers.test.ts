import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestKoers, type TestKoers } from '../helpers/koers';
import { catalog, createClient, ok, setUp } from '../helpers/seed';

const NOW = new Date('2026-11-25T10:00:00Z'); // a Wednesday

describe('caseload handlers', () => {
  let koers: TestKoers;
  let me: string;
  beforeEach(async () => {
    koers = await openTestKoers({ now: () => NOW });
    me = await setUp(koers);
  });
  afterEach(() => koers.cleanup());

  describe('first run', () => {
    it('creates the current caseworker, sets the language and loads a demo caseload in one go', async () => {
      const fresh = await openTestKoers({ now: () => NOW, osLocales: ['en-GB'] });
      try {
        expect(await ok(fresh.call('app.info', {}))).toMatchObject({ currentCaseworker: null, today: '2026-11-25' });
        const result = await ok(
          fresh.call('setup.complete', { language: 'da', name: 'Mette Holm', role: 'caseworker', demo: true }),
        );
        expect(result.demoClients).toBe(120);
        expect(await ok(fresh.call('app.info', {}))).toMatchObject({
          language: 'da',
          languageChosen: true,
          currentCaseworker: { id: result.caseworkerId, name: 'Mette Holm', role: 'caseworker' },
        });
        const mine = await ok(fresh.call('clients.list', { caseworkerId: result.caseworkerId }));
        expect(mine.length).toBeGreaterThan(50);
      } finally {
        await fresh.cleanup();
      }
    });

    it('changes nothing when the name is missing', async () => {
      const fresh = await openTestKoers();
      try {
        expect(
          await fresh.call('setup.complete', { language: 'nl', name: '  ', role: 'caseworker', demo: true }),
        ).toMatchObject({ ok: false, error: { code: 'validation' } });
        expect(fresh.settings.get('currentCaseworkerId')).toBeNull();
        expect(await ok(fresh.call('caseworkers.list', {}))).toEqual([]);
      } finally {
        await fresh.cleanup();
      }
    });
  });

  describe('lists (target groups, stages, closure reasons)', () => {
    it('ships the eight stages of the cycle with weights and four closure reasons, translated by key', async () => {
      const { stages, reasons } = await catalog(koers);
      expect(stages.map((s) => s.defaultKey)).toEqual([
        'intake',
        'diagnosis',
        'plan',
        'route',
        'carrying_out',
        'measuring',
        'evaluating',
        'adjusting',
      ]);
      expect(stages.every((s) => s.name === null && s.weight > 0)).toBe(true);
      expect(stages[0]!.weight).toBeGreaterThan(stages[5]!.weight);
      expect(reasons.map((r) => r.defaultKey)).toEqual(['work', 'education', 'moved', 'other']);
    });

    it('adds, renames, reorders, retires and restores', async () => {
      const a = await ok(koers.call('catalog.create', { kind: 'target_group', name: 'Werkfit' }));
      const b = await ok(koers.call('catalog.create', { kind: 'target_group', name: 'Jongeren' }));
      expect(await ok(koers.call('catalog.update', { id: a.id, name: 'Werkfit (Participatiewet)' }))).toMatchObject({
        name: 'Werkfit (Participatiewet)',
      });
      await ok(koers.call('catalog.move', { id: b.id, direction: 'up' }));
      expect((await catalog(koers)).targetGroups.map((g) => g.name)).toEqual(['Jongeren', 'Werkfit (Participatiewet)']);
      // Moving past the end changes nothing.
      await ok(koers.call('catalog.move', { id: b.id, direction: 'up' }));
      expect((await catalog(koers)).targetGroups.map((g) => g.name)).toEqual(['Jongeren', 'Werkfit (Participatiewet)']);
      expect(await ok(koers.call('catalog.setRetired', { id: a.id, retired: true }))).toMatchObject({ retired: true });
      expect(await ok(koers.call('catalog.setRetired', { id: a.id, retired: false }))).toMatchObject({
        retired: false,
      });
      const { stages } = await catalog(koers);
      expect(await ok(koers.call('catalog.update', { id: stages[0]!.id, name: 'Intake', weight: 2 }))).toMatchObject({
        name: 'Intake',
        weight: 2,
      });
      expect(await koers.call('catalog.update', { id: stages[0]!.id, name: 'Intake', weight: 11 })).toMatchObject({
        ok: false,
        error: { code: 'validation', details: { issues: [{ field: 'weight', rule: 'too_big' }] } },
      });
    });

    it('never deletes an item in use; an unused one can go', async () => {
      const { stages } = await catalog(koers);
      await createClient(koers, { stageId: stages[0]!.id });
      expect(await koers.call('catalog.remove', { id: stages[0]!.id })).toMatchObject({
        ok: false,
        error: { code: 'conflict', details: { reason: 'in_use', count: 1 } },
      });
      expect(await ok(koers.call('catalog.remove', { id: stages[7]!.id }))).toEqual({ ok: true });
      expect((await catalog(koers)).stages).toHaveLength(7);
    });
  });

  describe('caseworkers', () => {
    it('adds, edits, refuses to deactivate one with clients, moves the whole caseload, then deactivates', async () => {
      const kees = await ok(koers.call('caseworkers.create', { name: 'Kees Bakker', role: 'caseworker' }));
      expect(
        await ok(koers.call('caseworkers.update', { id: kees.id, name: 'Kees Bakker', role: 'key_person' })),
      ).toMatchObject({ role: 'key_person' });
      for (const name of ['Ahmed', 'Sanne', 'Bram'])
        await createClient(koers, { firstName: name, lastName: 'Test', caseworkerId: kees.id });
      const { reasons } = await catalog(koers);
      const closed = await createClient(koers, { firstName: 'Closed', lastName: 'Case', caseworkerId: kees.id });
      await ok(koers.call('clients.close', { id: closed.id, date: '2026-11-20', reasonId: reasons[0]!.id }));

      expect(await koers.call('caseworkers.setActive', { id: kees.id, active: false })).toMatchObject({
        ok: false,
        error: { code: 'conflict', details: { reason: 'has_active_clients', count: 3 } },
      });
      expect(
        await koers.call('caseworkers.handoverCaseload', { fromId: kees.id, toId: kees.id, date: '2026-11-25' }),
      ).toMatchObject({ ok: false, error: { code: 'conflict' } });
      expect(
        await ok(
          koers.call('caseworkers.handoverCaseload', {
            fromId: kees.id,
            toId: me,
            date: '2026-11-25',
            note: 'Kees gaat met pensioen',
          }),
        ),
      ).toEqual({ moved: 3 });
      expect(
        await koers.connection.db
          .selectFrom('handover')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
      ).toEqual({ n: 3 });
      expect(await ok(koers.call('caseworkers.setActive', { id: kees.id, active: false }))).toMatchObject({
        active: false,
        activeClients: 0,
      });
      expect(await koers.call('caseworkers.switchCurrent', { id: kees.id })).toMatchObject({
        ok: false,
        error: { code: 'validation' },
      });
      expect(
        await koers.call('caseworkers.handoverCaseload', { fromId: me, toId: kees.id, date: '2026-11-25' }),
      ).toMatchObject({ ok: false, error: { details: { issues: [{ field: 'toId', rule: 'inactive' }] } } });
    });

    it('switches who works on this laptop', async () => {
      const lotte = await ok(koers.call('caseworkers.create', { name: 'Lotte Visser', role: 'key_person' }));
      await ok(koers.call('caseworkers.switchCurrent', { id: lotte.id }));
      expect(await ok(koers.call('app.info', {}))).toMatchObject({
        currentCaseworker: { name: 'Lotte Visser', role: 'key_person' },
      });
      // Whoever works here now cannot be deactivated.
      expect(await koers.call('caseworkers.setActive', { id: lotte.id, active: false })).toMatchObject({
        ok: false,
        error: { code: 'validation' },
      });
    });
  });

  describe('to-dos and My day', () => {
    it('creates, completes, reopens and postpones; agenda holds overdue, today and the rest of this week', async () => {
      const client = await createClient(koers);
      const other = await ok(koers.call('caseworkers.create', { name: 'Lotte Visser', role: 'caseworker' }));
      const hers = await createClient(koers, { firstName: 'Ida', lastName: 'Holm', caseworkerId: other.id });
      const todo = (clientId: string, title: string, dueDate: string) =>
        ok(koers.call('actions.create', { clientId, title, kind: 'appointment', dueDate, dueTime: '10:30' }));
      const late = await todo(client.id, 'Te laat', '2026-11-20');
      await todo(client.id, 'Vandaag', '2026-11-25');
      await todo(client.id, 'Zondag', '2026-11-29');
      await todo(client.id, 'Volgende week', '2026-11-30');
      await todo(hers.id, 'Van Lotte', '2026-11-25');

      const agenda = await ok(koers.call('actions.agenda', { caseworkerId: me }));
      expect(agenda.map((a) => a.title)).toEqual(['Te laat', 'Vandaag', 'Zondag']);
      expect(agenda[0]).toMatchObject({ client: { firstName: 'Fatima' }, dueTime: '10:30' });
      expect((await ok(koers.call('actions.agenda', {}))).map((a) => a.title)).toContain('Van Lotte');

      expect(await ok(koers.call('actions.setDone', { id: late.id, done: true }))).toMatchObject({
        done: true,
        doneAt: NOW.toISOString(),
      });
      expect((await ok(koers.call('actions.agenda', { caseworkerId: me }))).map((a) => a.title)).toEqual([
        'Vandaag',
        'Zondag',
      ]);
      expect(await ok(koers.call('actions.setDone', { id: late.id, done: false }))).toMatchObject({
        done: false,
        doneAt: null,
      });
      expect(await ok(koers.call('actions.postpone', { id: late.id, dueDate: '2026-12-02' }))).toMatchObject({
        dueDate: '2026-12-02',
      });
      expect((await ok(koers.call('actions.list', { clientId: client.id }))).map((a) => a.title)).toEqual([
        'Vandaag',
        'Zondag',
        'Volgende week',
        'Te laat',
      ]);
    });

    it('edits title, kind, date and time; refuses what create refuses and a to-do that is gone', async () => {
      const client = await createClient(koers);
      const todo = await ok(
        koers.call('actions.create', { clientId: client.id, title: 'Bellen', kind: 'task', dueDate: '2026-11-26' }),
      );
      const edited = await ok(
        koers.call('actions.update', {
          id: todo.id,
          title: '  Gesprek op kantoor ',
          kind: 'appointment',
          dueDate: '2026-11-27',
          dueTime: '14:15',
        }),
      );
      expect(edited).toMatchObject({
        id: todo.id,
        title: 'Gesprek op kantoor',
        kind: 'appointment',
        dueDate: '2026-11-27',
        dueTime: '14:15',
        done: false,
      });
      // An empty time clears it; a done to-do can be corrected too and stays done.
      await ok(koers.call('actions.setDone', { id: todo.id, done: true }));
      const cleared = await ok(
        koers.call('actions.update', {
          id: todo.id,
          title: 'Gesprek',
          kind: 'appointment',
          dueDate: '2026-11-27',
          dueTime: '',
        }),
      );
      expect(cleared).toMatchObject({ dueTime: null, done: true, doneAt: NOW.toISOString() });
      expect(await ok(koers.call('actions.list', { clientId: client.id }))).toEqual([cleared]);

      const base = { id: todo.id, title: 'Bellen', kind: 'task', dueDate: '2026-11-26' };
      expect(await koers.call('actions.update', { ...base, title: ' ' })).toMatchObject({
        ok: false,
        error: { details: { issues: [{ field: 'title', rule: 'required' }] } },
      });
      expect(await koers.call('actions.update', { ...base, dueDate: '2026-02-30' })).toMatchObject({
        ok: false,
        error: { details: { issues: [{ field: 'dueDate', rule: 'date' }] } },
      });
      expect(await koers.call('actions.update', { ...base, dueTime: '9:70' })).toMatchObject({
        ok: false,
        error: { details: { issues: [{ field: 'dueTime', rule: 'time' }] } },
      });
      expect(await koers.call('actions.update', { ...base, clientId: client.id })).toMatchObject({
        ok: false,
        error: { code: 'validation' },
      });
      expect(await koers.call('actions.update', { ...base, id: 'nothing' })).toMatchObject({
        ok: false,
        error: { code: 'not_found' },
      });
      await ok(koers.call('actions.remove', { id: todo.id }));
      expect(await koers.call('actions.update', base)).toMatchObject({ ok: false, error: { code: 'not_found' } });
      expect(await koers.call('actions.postpone', { id: todo.id, dueDate: '2026-12-01' })).toMatchObject({
        ok: false,
        error: { code: 'not_found' },
      });
    });

    it('deletes by a tombstone and restores as it was; both are in the audit log', async () => {
      const client = await createClient(koers);
      const create = (title: string, dueDate: string) =>
        ok(
          koers.call('actions.create', { clientId: client.id, title, kind: 'appointment', dueDate, dueTime: '09:00' }),
        );
      const gone = await create('Huisbezoek', '2026-11-25');
      await create('Bellen', '2026-11-26');
      const listed = async () => (await ok(koers.call('actions.list', { clientId: client.id }))).map((a) => a.title);
      const inAgenda = async () => (await ok(koers.call('actions.agenda', { caseworkerId: me }))).map((a) => a.title);
      const onTimeline = async () =>
        (await ok(koers.call('clients.timeline', { id: client.id })))
          .flatMap((e) => (e.kind === 'action' ? [e.title] : []))
          .sort();
      const nextTodo = async () =>
        (await ok(koers.call('clients.list', {}))).find((c) => c.id === client.id)?.nextAction?.title;

      expect(await nextTodo()).toBe('Huisbezoek');
      expect(await ok(koers.call('actions.remove', { id: gone.id }))).toEqual({ ok: true });
      expect(await listed()).toEqual(['Bellen']);
      expect(await inAgenda()).toEqual(['Bellen']);
      expect(await onTimeline()).toEqual(['Bellen']);
      expect(await nextTodo()).toBe('Bellen');
      // The row is still there, marked deleted: that is what makes the undo possible.
      expect(
        koers.connection.sqlite.prepare('SELECT deleted_at, updated_by FROM action WHERE id = ?').get(gone.id),
      ).toEqual({ deleted_at: NOW.toISOString(), updated_by: me });
      expect(await koers.call('actions.remove', { id: gone.id })).toMatchObject({
        ok: false,
        error: { code: 'not_found' },
      });

      expect(await ok(koers.call('actions.restore', { id: gone.id }))).toEqual(gone);
      // Twice (a double click on Undo): the same answer, nothing else changes.
      expect(await ok(koers.call('actions.restore', { id: gone.id }))).toEqual(gone);
      expect(await listed()).toEqual(['Huisbezoek', 'Bellen']);
      expect(await inAgenda()).toEqual(['Huisbezoek', 'Bellen']);
      expect(await onTimeline()).toEqual(['Bellen', 'Huisbezoek']);
      expect(await nextTodo()).toBe('Huisbezoek');
      expect(await koers.call('actions.restore', { id: 'nothing' })).toMatchObject({
        ok: false,
        error: { code: 'not_found' },
      });

      await koers.context.audit.flush();
      const entries = await ok(koers.call('audit.list', { entityId: gone.id }));
      expect(entries.map((e) => [e.action, e.result, e.actor])).toEqual([
        ['actions.restore', 'ok', me],
        ['actions.restore', 'ok', me],
        ['actions.remove', 'not_found', me],
        ['actions.remove', 'ok', me],
      ]);
    });

    it('restores no to-do of an erased client', async () => {
      const client = await createClient(koers);
      const todo = await ok(
        koers.call('actions.create', { clientId: client.id, title: 'Bellen', kind: 'task', dueDate: '2026-11-26' }),
      );
      await ok(koers.call('actions.remove', { id: todo.id }));
      await ok(koers.call('privacy.eraseClient', { clientId: client.id, confirm: client.pseudonym }));
      expect(koers.connection.sqlite.prepare('SELECT count(*) AS n FROM action').get()).toEqual({ n: 0 });
      expect(await koers.call('actions.restore', { id: todo.id })).toMatchObject({
        ok: false,
        error: { code: 'not_found' },
      });
    });

    it('refuses a to-do without a title, with an impossible date or time, or for an unknown client', async () => {
      const client = await createClient(koers);
      const base = { clientId: client.id, title: 'Bellen', kind: 'task', dueDate: '2026-11-26' };
      expect(await koers.call('actions.create', { ...base, title: '' })).toMatchObject({
        ok: false,
        error: { details: { issues: [{ field: 'title', rule: 'required' }] } },
      });
      expect(await koers.call('actions.create', { ...base, dueDate: '2026-11-31' })).toMatchObject({
        ok: false,
        error: { details: { issues: [{ field: 'dueDate', rule: 'date' }] } },
      });
      expect(await koers.call('actions.create', { ...base, dueTime: '25:00' })).toMatchObject({
        ok: false,
        error: { details: { issues: [{ field: 'dueTime', rule: 'time' }] } },
      });
      expect(await koers.call('actions.create', { ...base, kind: 'party' })).toMatchObject({
        ok: false,
        error: { code: 'validation' },
      });
      expect(await koers.call('actions.create', { ...base, clientId: 'nobody' })).toMatchObject({
        ok: false,
        error: { code: 'not_found' },
      });
      expect(await ok(koers.call('actions.list', { clientId: client.id }))).toEqual([]);
    });
  });

  describe('households', () => {
    it('groups clients, lists members and renames', async () => {
      const a = await createClient(koers, { firstName: 'Samira', lastName: 'Bakkali' });
      const b = await createClient(koers, { firstName: 'Youssef', lastName: 'Bakkali' });
      const household = await ok(koers.call('households.create', { name: 'Familie Bakkali', memberIds: [a.id, b.id] }));
      expect(household).toMatchObject({ name: 'Familie Bakkali', caseworkerId: me });
      expect(household.members.map((m) => m.firstName)).toEqual(['Samira', 'Youssef']);
      expect((await ok(koers.call('clients.get', { id: a.id }))).householdId).toBe(household.id);
      expect(await ok(koers.call('households.rename', { id: household.id, name: 'Gezin Bakkali' }))).toMatchObject({
        name: 'Gezin Bakkali',
      });
      expect((await ok(koers.call('households.list', {}))).map((h) => h.name)).toEqual(['Gezin Bakkali']);
      expect(await koers.call('households.create', { name: '', memberIds: [] })).toMatchObject({
        ok: false,
        error: { code: 'validation' },
      });
      expect(await koers.call('households.create', { name: 'X', memberIds: ['nobody'] })).toMatchObject({
        ok: false,
        error: { code: 'not_found' },
      });
      expect(await ok(koers.call('households.list', {}))).toHaveLength(1);
    });
  });
});
