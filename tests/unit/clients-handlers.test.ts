import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestKoers, type TestKoers } from '../helpers/koers';
import { catalog, createClient, ok, setUp } from '../helpers/seed';

// Monday 23 November 2026, 09:30 UTC.
const NOW = new Date('2026-11-23T09:30:00Z');

describe('clients (real registry, real SQLite file)', () => {
  let koers: TestKoers;
  let me: string;
  beforeEach(async () => {
    koers = await openTestKoers({ now: () => NOW });
    me = await setUp(koers);
  });
  afterEach(() => koers.cleanup());

  it('creates a client with every field, a pseudonym and a first stage on the timeline', async () => {
    const { stages } = await catalog(koers);
    const group = await ok(koers.call('catalog.create', { kind: 'target_group', name: 'Jongeren 18–27' }));
    const client = await createClient(koers, {
      firstName: ' Mette ',
      lastName: 'Kjærgaard',
      reference: '2024-0117',
      dateOfBirth: '1990-04-12',
      phone: '+45 12 34 56 78',
      email: 'mette@example.dk',
      targetGroupId: group.id,
      stageId: stages[0]!.id,
      startDate: '2026-11-02',
    });
    expect(client).toMatchObject({
      firstName: 'Mette',
      pseudonym: 'K-0001',
      reference: '2024-0117',
      dateOfBirth: '1990-04-12',
      email: 'mette@example.dk',
      targetGroupId: group.id,
      stageId: stages[0]!.id,
      stageSince: '2026-11-02',
      caseworkerId: me,
      status: 'active',
      closure: null,
    });
    const timeline = await ok(koers.call('clients.timeline', { id: client.id }));
    expect(timeline.map((e) => e.kind).sort()).toEqual(['created', 'stage']);
    expect(koers.events).toContainEqual({ event: 'data.changed', payload: { scope: 'clients' } });
  });

  it.each([
    [{ firstName: '', lastName: 'B' }, 'firstName', 'required'],
    [{ firstName: 'A', lastName: 'x'.repeat(101) }, 'lastName', 'too_long'],
    [{ firstName: 'A', lastName: 'B', dateOfBirth: '2026-02-30' }, 'dateOfBirth', 'date'],
    [{ firstName: 'A', lastName: 'B', dateOfBirth: '12-04-1990' }, 'dateOfBirth', 'date'],
    [{ firstName: 'A', lastName: 'B', dateOfBirth: '2030-01-01' }, 'dateOfBirth', 'future_date'],
    [{ firstName: 'A', lastName: 'B', startDate: '2026-13-01' }, 'startDate', 'date'],
    [{ firstName: 'A', lastName: 'B', email: 'not-an-address' }, 'email', 'email'],
    [{ firstName: 'A', lastName: 'B', targetGroupId: 'no-such-group' }, 'targetGroupId', 'unavailable'],
  ])('refuses %j: %s %s, and saves nothing', async (input, field, rule) => {
    const result = await koers.call('clients.create', input);
    expect(result).toMatchObject({ ok: false, error: { code: 'validation', details: { issues: [{ field, rule }] } } });
    expect(await ok(koers.call('clients.list', { status: 'all' }))).toEqual([]);
  });

  it('takes a form\'s empty choices and empty texts as "none"', async () => {
    const client = await createClient(koers, {
      reference: '',
      email: '',
      phone: '',
      dateOfBirth: '',
      targetGroupId: '',
      householdId: '',
      stageId: '',
      caseworkerId: '',
    });
    expect(client).toMatchObject({
      reference: null,
      email: null,
      phone: null,
      dateOfBirth: null,
      targetGroupId: null,
      householdId: null,
      stageId: null,
      caseworkerId: me,
    });
  });

  it('refuses a retired target group for a new client but keeps it on one who has it', async () => {
    const group = await ok(koers.call('catalog.create', { kind: 'target_group', name: 'Statushouders' }));
    const client = await createClient(koers, { targetGroupId: group.id });
    await ok(koers.call('catalog.setRetired', { id: group.id, retired: true }));
    expect(
      await koers.call('clients.create', { firstName: 'A', lastName: 'B', targetGroupId: group.id }),
    ).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(
      await ok(
        koers.call('clients.update', {
          id: client.id,
          firstName: 'Fatima',
          lastName: 'El Amrani-Bakkali',
          targetGroupId: group.id,
        }),
      ),
    ).toMatchObject({
      lastName: 'El Amrani-Bakkali',
      targetGroupId: group.id,
    });
  });

  it('refuses a client for a deactivated caseworker', async () => {
    const other = await ok(koers.call('caseworkers.create', { name: 'Kees Bakker', role: 'caseworker' }));
    await ok(koers.call('caseworkers.setActive', { id: other.id, active: false }));
    expect(await koers.call('clients.create', { firstName: 'A', lastName: 'B', caseworkerId: other.id })).toMatchObject(
      {
        ok: false,
        error: { code: 'validation', details: { issues: [{ field: 'caseworkerId', rule: 'inactive' }] } },
      },
    );
  });

  it('names the holder of a duplicate reference, on create and on edit', async () => {
    await createClient(koers, { reference: '1001' });
    const other = await createClient(koers, { firstName: 'Jan', lastName: 'Jansen', reference: '1002' });
    const conflict = {
      ok: false,
      error: { code: 'conflict', details: { field: 'reference', existing: { label: 'Fatima El Amrani' } } },
    };
    expect(await koers.call('clients.create', { firstName: 'X', lastName: 'Y', reference: '1001' })).toMatchObject(
      conflict,
    );
    expect(
      await koers.call('clients.update', { id: other.id, firstName: 'Jan', lastName: 'Jansen', reference: '1001' }),
    ).toMatchObject(conflict);
    expect((await ok(koers.call('clients.get', { id: other.id }))).reference).toBe('1002');
    // Keeping one's own reference is fine.
    expect(
      await ok(
        koers.call('clients.update', { id: other.id, firstName: 'Jan', lastName: 'Janssen', reference: '1002' }),
      ),
    ).toMatchObject({ lastName: 'Janssen' });
  });

  it('records stage changes with their date and weeks in stage start again', async () => {
    const { stages } = await catalog(koers);
    const client = await createClient(koers, { stageId: stages[0]!.id, startDate: '2026-09-01' });
    const moved = await ok(
      koers.call('clients.changeStage', { id: client.id, stageId: stages[2]!.id, date: '2026-11-16' }),
    );
    expect(moved).toMatchObject({ stageId: stages[2]!.id, stageSince: '2026-11-16' });
    const rows = await koers.connection.db
      .selectFrom('stage_change')
      .select(['from_stage_id', 'to_stage_id', 'changed_on'])
      .orderBy('changed_on')
      .execute();
    expect(rows).toEqual([
      { from_stage_id: null, to_stage_id: stages[0]!.id, changed_on: '2026-09-01' },
      { from_stage_id: stages[0]!.id, to_stage_id: stages[2]!.id, changed_on: '2026-11-16' },
    ]);
    expect(
      await koers.call('clients.changeStage', { id: client.id, stageId: stages[1]!.id, date: '2026-11-31' }),
    ).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('hands a client over with its household, records each handover, refuses a deactivated caseworker', async () => {
    const lotte = await ok(koers.call('caseworkers.create', { name: 'Lotte Visser', role: 'caseworker' }));
    const gone = await ok(koers.call('caseworkers.create', { name: 'Piet Smit', role: 'caseworker' }));
    await ok(koers.call('caseworkers.setActive', { id: gone.id, active: false }));
    const mother = await createClient(koers, { firstName: 'Samira', lastName: 'Bakkali' });
    const son = await createClient(koers, { firstName: 'Youssef', lastName: 'Bakkali' });
    const loner = await createClient(koers, { firstName: 'Jan', lastName: 'Jansen' });
    const household = await ok(
      koers.call('households.create', { name: 'Familie Bakkali', memberIds: [mother.id, son.id] }),
    );

    expect(
      await koers.call('clients.handover', { ids: [mother.id], toCaseworkerId: gone.id, date: '2026-11-23' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'validation', details: { issues: [{ field: 'toCaseworkerId', rule: 'inactive' }] } },
    });
    expect(
      await ok(
        koers.call('clients.handover', {
          ids: [mother.id],
          toCaseworkerId: lotte.id,
          date: '2026-11-23',
          note: 'Verhuizing naar Noord',
        }),
      ),
    ).toEqual({ moved: 2 });
    expect((await ok(koers.call('clients.get', { id: son.id }))).caseworkerId).toBe(lotte.id);
    expect((await ok(koers.call('clients.get', { id: loner.id }))).caseworkerId).toBe(me);
    expect((await ok(koers.call('households.get', { id: household.id }))).caseworkerId).toBe(lotte.id);
    const timeline = await ok(koers.call('clients.timeline', { id: son.id }));
    expect(timeline.find((e) => e.kind === 'handover')).toMatchObject({
      fromCaseworkerId: me,
      toCaseworkerId: lotte.id,
      note: 'Verhuizing naar Noord',
      date: '2026-11-23',
    });
    // Handing over to the worker who already has them records nothing new.
    expect(
      await ok(koers.call('clients.handover', { ids: [son.id], toCaseworkerId: lotte.id, date: '2026-11-24' })),
    ).toEqual({ moved: 0 });
  });

  it('closes a case with reason and outcome, reopens it, and keeps both in the history', async () => {
    const { reasons } = await catalog(koers);
    const client = await createClient(koers);
    const closed = await ok(
      koers.call('clients.close', {
        id: client.id,
        date: '2026-11-20',
        reasonId: reasons[0]!.id,
        outcomeNote: 'Vast contract bij de bakker',
      }),
    );
    expect(closed).toMatchObject({
      status: 'closed',
      closure: { closedOn: '2026-11-20', reasonId: reasons[0]!.id, outcomeNote: 'Vast contract bij de bakker' },
    });
    expect(
      await koers.call('clients.close', { id: client.id, date: '2026-11-21', reasonId: reasons[0]!.id }),
    ).toMatchObject({ ok: false, error: { code: 'conflict', details: { reason: 'already_closed' } } });
    expect(await ok(koers.call('clients.list', {}))).toEqual([]);
    expect(await ok(koers.call('clients.list', { status: 'closed' }))).toHaveLength(1);

    const reopened = await ok(koers.call('clients.reopen', { id: client.id, date: '2026-11-23' }));
    expect(reopened).toMatchObject({ status: 'active', closure: null });
    expect(await koers.call('clients.reopen', { id: client.id, date: '2026-11-23' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', details: { reason: 'not_closed' } },
    });
    const kinds = (await ok(koers.call('clients.timeline', { id: client.id }))).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['closed', 'reopened', 'created']));
  });

  it('answers not_found for an unknown client', async () => {
    expect(await koers.call('clients.get', { id: 'nobody' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('turns an unexpected failure into a bare internal error: no SQL, no stack', async () => {
    await sql`DROP TABLE action`.execute(koers.connection.db);
    const result = await koers.call('clients.list', {});
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'Internal error' } });
    expect(JSON.stringify(result)).not.toMatch(/action|SELECT|sqlite|at /i);
    expect(koers.internalErrors).toHaveLength(1);
    expect(String(koers.internalErrors[0]?.error)).toMatch(/no such table/);
  });
});

describe('caseload overview query', () => {
  let koers: TestKoers;
  beforeEach(async () => {
    koers = await openTestKoers({ now: () => NOW });
    await setUp(koers);
  });
  afterEach(() => koers.cleanup());

  it('gives each client the next open to-do and the number overdue, and filters', async () => {
    const { stages } = await catalog(koers);
    const group = await ok(koers.call('catalog.create', { kind: 'target_group', name: 'Werkfit' }));
    const a = await createClient(koers, {
      firstName: 'Jan',
      lastName: 'de Boer',
      reference: 'A_1',
      stageId: stages[1]!.id,
      targetGroupId: group.id,
    });
    const b = await createClient(koers, { firstName: 'Janne', lastName: 'Smit', reference: 'AB1' });
    const todo = (clientId: string, title: string, dueDate: string, dueTime?: string) =>
      ok(koers.call('actions.create', { clientId, title, kind: 'task', dueDate, dueTime }));
    await todo(a.id, 'Te laat 1', '2026-11-10');
    await todo(a.id, 'Te laat 2', '2026-11-20');
    const done = await todo(a.id, 'Gedaan', '2026-11-01');
    await ok(koers.call('actions.setDone', { id: done.id, done: true }));
    await todo(b.id, 'Later', '2026-12-01');
    await todo(b.id, 'Vandaag 14u', '2026-11-23', '14:00');
    await todo(b.id, 'Vandaag 9u', '2026-11-23', '09:00');

    const rows = await ok(koers.call('clients.list', {}));
    expect(rows.map((r) => [r.lastName, r.nextAction?.title, r.overdueCount])).toEqual([
      ['de Boer', 'Te laat 1', 2],
      ['Smit', 'Vandaag 9u', 0],
    ]);
    const names = async (input: object) => (await ok(koers.call('clients.list', input))).map((r) => r.firstName);
    expect(await names({ overdueOnly: true })).toEqual(['Jan']);
    expect(await names({ stageId: stages[1]!.id })).toEqual(['Jan']);
    expect(await names({ targetGroupId: group.id })).toEqual(['Jan']);
    expect(await names({ search: 'jan' })).toEqual(['Jan', 'Janne']);
    expect(await names({ search: 'Boer, Jan' })).toEqual(['Jan']);
    expect(await names({ search: 'A_1' })).toEqual(['Jan']);
    expect(await names({ search: 'K-0002' })).toEqual(['Janne']);
    expect(await names({ search: '%' })).toEqual([]);
  });

  it('shows one caseworker’s clients or everyone’s', async () => {
    const lotte = await ok(koers.call('caseworkers.create', { name: 'Lotte Visser', role: 'caseworker' }));
    const mine = await createClient(koers);
    await createClient(koers, { firstName: 'Ida', lastName: 'Holm', caseworkerId: lotte.id });
    expect((await ok(koers.call('clients.list', { caseworkerId: lotte.id }))).map((r) => r.firstName)).toEqual(['Ida']);
    expect((await ok(koers.call('clients.list', {}))).map((r) => r.id)).toHaveLength(2);
    expect(
      (await ok(koers.call('clients.list', { caseworkerId: mine.caseworkerId! }))).map((r) => r.firstName),
    ).toEqual(['Fatima']);
  });
});
