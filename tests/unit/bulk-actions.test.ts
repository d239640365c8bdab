import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CatalogItem, Client } from '../../common/contract';
import { openTestKoers, type TestKoers } from '../helpers/koers';
import { catalog, createClient, ok, setUp } from '../helpers/seed';

/**
 * Bulk actions on the caseload (issue 22, point 5): hand over, change stage and put on the
 * meeting list, each one call over many clients: all of them or none, audited per client,
 * and a caseworker acts on her own caseload only.
 */
describe('bulk actions on a real database', () => {
  let koers: TestKoers;
  let anne: string; // key person
  let kees: string; // caseworker
  let lotte: string; // caseworker
  let stages: CatalogItem[];
  let annes: Client[];
  let keeses: Client[];

  beforeEach(async () => {
    koers = await openTestKoers();
    anne = await setUp(koers);
    kees = (await ok(koers.call('caseworkers.create', { name: 'Kees Bakker', role: 'caseworker' }))).id;
    lotte = (await ok(koers.call('caseworkers.create', { name: 'Lotte Visser', role: 'caseworker' }))).id;
    stages = (await catalog(koers)).stages;
    annes = [];
    keeses = [];
    for (const firstName of ['Jan', 'Sanne', 'Ahmed', 'Eva']) annes.push(await createClient(koers, { firstName }));
    for (const firstName of ['Piet', 'Noor']) keeses.push(await createClient(koers, { firstName, caseworkerId: kees }));
  });
  afterEach(() => koers.cleanup());

  const ids = (clients: readonly Client[]) => clients.map((c) => c.id);
  const rowsOf = async (clientIds: readonly string[]) =>
    koers.connection.db
      .selectFrom('client')
      .select(['id', 'caseworker_id', 'stage_id', 'stage_since', 'meeting_listed_at', 'updated_at'])
      .where('id', 'in', clientIds)
      .orderBy('id')
      .execute();
  const count = async (table: 'handover' | 'stage_change') =>
    Number(
      (
        await koers.connection.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const audited = async (action: string) => {
    await koers.context.audit.flush();
    return koers.connection.db
      .selectFrom('audit_log')
      .select(['actor', 'entity_id as entityId', 'result'])
      .where('action', '=', action)
      .orderBy('seq')
      .execute();
  };
  const UNKNOWN = '0190c2d4-7b9a-7cc0-8000-0000000000ff';

  describe('clients.handover', () => {
    it('hands three clients over in one call, records a handover each and an audit entry each', async () => {
      const three = ids(annes.slice(0, 3));
      expect(
        await ok(koers.call('clients.handover', { ids: three, toCaseworkerId: lotte, date: '2026-11-23' })),
      ).toEqual({ moved: 3 });
      expect((await rowsOf(three)).map((r) => r.caseworker_id)).toEqual([lotte, lotte, lotte]);
      expect((await rowsOf([annes[3]!.id]))[0]!.caseworker_id).toBe(anne);
      expect(await count('handover')).toBe(3);
      expect(await audited('clients.handover')).toEqual(
        three.map((entityId) => ({ actor: anne, entityId, result: 'ok' })),
      );
    });

    it('changes nothing when one id is unknown', async () => {
      const before = await rowsOf(ids(annes));
      expect(
        await koers.call('clients.handover', {
          ids: [...ids(annes.slice(0, 2)), UNKNOWN],
          toCaseworkerId: lotte,
          date: '2026-11-23',
        }),
      ).toMatchObject({ ok: false, error: { code: 'not_found' } });
      expect(await rowsOf(ids(annes))).toEqual(before);
      expect(await count('handover')).toBe(0);
      // The refusal is audited too, per client asked for.
      expect((await audited('clients.handover')).map((e) => e.result)).toEqual(['not_found', 'not_found', 'not_found']);
    });

    it('lets a caseworker hand over her own clients, and refuses (changing nothing) when one is a colleague’s', async () => {
      await ok(koers.call('caseworkers.switchCurrent', { id: kees }));
      const before = await rowsOf([...ids(keeses), annes[0]!.id]);
      expect(
        await koers.call('clients.handover', {
          ids: [...ids(keeses), annes[0]!.id],
          toCaseworkerId: lotte,
          date: '2026-11-23',
        }),
      ).toMatchObject({ ok: false, error: { code: 'forbidden', details: { reason: 'not_own_client', count: 1 } } });
      expect(await rowsOf([...ids(keeses), annes[0]!.id])).toEqual(before);
      expect(await count('handover')).toBe(0);

      expect(
        await ok(koers.call('clients.handover', { ids: ids(keeses), toCaseworkerId: lotte, date: '2026-11-23' })),
      ).toEqual({ moved: 2 });
      expect((await audited('clients.handover')).filter((e) => e.result === 'ok')).toEqual(
        ids(keeses).map((entityId) => ({ actor: kees, entityId, result: 'ok' })),
      );
    });
  });

  describe('clients.changeStages', () => {
    it('moves every client to the stage, dated, skipping those already there', async () => {
      await ok(koers.call('clients.changeStage', { id: annes[2]!.id, stageId: stages[3]!.id, date: '2026-11-01' }));
      const three = ids(annes.slice(0, 3));
      const changesBefore = await count('stage_change');
      expect(
        await ok(koers.call('clients.changeStages', { ids: three, stageId: stages[3]!.id, date: '2026-11-20' })),
      ).toEqual({ changed: 2 });
      const rows = await rowsOf(three);
      expect(rows.map((r) => r.stage_id)).toEqual([stages[3]!.id, stages[3]!.id, stages[3]!.id]);
      // The one already there keeps its date: weeks in stage go on counting.
      expect(rows.find((r) => r.id === annes[2]!.id)!.stage_since).toBe('2026-11-01');
      expect(rows.filter((r) => r.stage_since === '2026-11-20')).toHaveLength(2);
      expect((await count('stage_change')) - changesBefore).toBe(2);
      const timeline = await ok(koers.call('clients.timeline', { id: annes[0]!.id }));
      expect(timeline.filter((e) => e.kind === 'stage')).toHaveLength(1);
      expect(await audited('clients.changeStages')).toEqual(
        three.map((entityId) => ({ actor: anne, entityId, result: 'ok' })),
      );
    });

    it('changes nothing for an unknown id, an unknown or retired stage, or a date that is no date', async () => {
      const before = await rowsOf(ids(annes));
      const changesBefore = await count('stage_change');
      expect(
        await koers.call('clients.changeStages', {
          ids: [annes[0]!.id, UNKNOWN],
          stageId: stages[3]!.id,
          date: '2026-11-20',
        }),
      ).toMatchObject({ ok: false, error: { code: 'not_found' } });
      await ok(koers.call('catalog.setRetired', { id: stages[5]!.id, retired: true }));
      expect(
        await koers.call('clients.changeStages', { ids: ids(annes), stageId: stages[5]!.id, date: '2026-11-20' }),
      ).toMatchObject({ ok: false, error: { code: 'validation', details: { issues: [{ field: 'stageId' }] } } });
      expect(
        await koers.call('clients.changeStages', { ids: ids(annes), stageId: stages[3]!.id, date: '2026-11-31' }),
      ).toMatchObject({ ok: false, error: { code: 'validation' } });
      expect(await rowsOf(ids(annes))).toEqual(before);
      expect(await count('stage_change')).toBe(changesBefore);
    });

    it('refuses a caseworker a colleague’s client and lets her change her own', async () => {
      await ok(koers.call('caseworkers.switchCurrent', { id: kees }));
      const before = await rowsOf([...ids(keeses), ...ids(annes)]);
      expect(
        await koers.call('clients.changeStages', {
          ids: [...ids(keeses), ...ids(annes.slice(0, 2))],
          stageId: stages[4]!.id,
          date: '2026-11-20',
        }),
      ).toMatchObject({ ok: false, error: { code: 'forbidden', details: { reason: 'not_own_client', count: 2 } } });
      expect(await rowsOf([...ids(keeses), ...ids(annes)])).toEqual(before);
      expect(
        await ok(koers.call('clients.changeStages', { ids: ids(keeses), stageId: stages[4]!.id, date: '2026-11-20' })),
      ).toEqual({ changed: 2 });
    });
  });

  describe('the meeting list', () => {
    it('adds clients, lists them in the order added (per caseworker on request), removes them; audited per client', async () => {
      expect(await ok(koers.call('meeting.add', { ids: [annes[1]!.id, keeses[0]!.id] }))).toEqual({ added: 2 });
      expect(await ok(koers.call('meeting.add', { ids: [annes[0]!.id, annes[1]!.id] }))).toEqual({ added: 1 });
      expect(await ok(koers.call('meeting.list', {}))).toEqual([annes[1]!.id, keeses[0]!.id, annes[0]!.id]);
      expect(await ok(koers.call('meeting.list', { caseworkerId: kees }))).toEqual([keeses[0]!.id]);
      expect(await ok(koers.call('meeting.remove', { ids: [annes[1]!.id, annes[2]!.id] }))).toEqual({ removed: 1 });
      expect(await ok(koers.call('meeting.list', {}))).toEqual([keeses[0]!.id, annes[0]!.id]);
      expect((await audited('meeting.add')).map((e) => e.entityId)).toEqual([
        annes[1]!.id,
        keeses[0]!.id,
        annes[0]!.id,
        annes[1]!.id,
      ]);
      expect((await audited('meeting.remove')).map((e) => e.entityId)).toEqual([annes[1]!.id, annes[2]!.id]);
    });

    it('changes nothing when one id is unknown or, for a caseworker, one client is a colleague’s', async () => {
      expect(await koers.call('meeting.add', { ids: [annes[0]!.id, UNKNOWN] })).toMatchObject({
        ok: false,
        error: { code: 'not_found' },
      });
      expect(await ok(koers.call('meeting.list', {}))).toEqual([]);
      await ok(koers.call('caseworkers.switchCurrent', { id: kees }));
      expect(await koers.call('meeting.add', { ids: [keeses[0]!.id, annes[0]!.id] })).toMatchObject({
        ok: false,
        error: { code: 'forbidden', details: { reason: 'not_own_client' } },
      });
      expect(await ok(koers.call('meeting.list', {}))).toEqual([]);
      expect(await ok(koers.call('meeting.add', { ids: ids(keeses) }))).toEqual({ added: 2 });
      expect(await ok(koers.call('meeting.list', {}))).toEqual(ids(keeses));
    });

    it('goes with the client: an erased client leaves the list', async () => {
      await ok(koers.call('meeting.add', { ids: [annes[0]!.id, annes[1]!.id] }));
      const client = annes[0]!;
      await ok(koers.call('privacy.eraseClient', { clientId: client.id, confirm: client.pseudonym }));
      expect(await ok(koers.call('meeting.list', {}))).toEqual([annes[1]!.id]);
    });
  });

  it('bounds the list of ids: none, more than 1000, or a malformed id is refused before anything runs', async () => {
    const many = Array.from({ length: 1001 }, () => annes[0]!.id);
    for (const method of ['clients.handover', 'clients.changeStages', 'meeting.add', 'meeting.remove'] as const) {
      const rest =
        method === 'clients.handover'
          ? { toCaseworkerId: lotte, date: '2026-11-23' }
          : method === 'clients.changeStages'
            ? { stageId: stages[1]!.id, date: '2026-11-23' }
            : {};
      for (const list of [[], many, ['']])
        expect({ method, outcome: await koers.call(method, { ids: list, ...rest }) }).toMatchObject({
          method,
          outcome: { ok: false, error: { code: 'validation' } },
        });
    }
    expect(await count('handover')).toBe(0);
    expect(await ok(koers.call('meeting.list', {}))).toEqual([]);
  });
});
