import { join } from 'node:path';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { type Connection, openConnection } from '../../db/connection';
import { type DemoOptions, generateDemo } from '../../db/demo/generate';
import { migrateToLatest } from '../../db/migrate';
import { insertClient } from '../../db/queries/clients';
import type { Database } from '../../db/schema';
import { HIGHLIGHT_END, HIGHLIGHT_START, searchNotes } from '../../db/search/notes';
import { tempFolder } from '../helpers/temp';

const TODAY = '2026-03-18';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A fresh, migrated database file in its own temp folder. */
async function freshDatabase(): Promise<Connection> {
  const temp = tempFolder('koers-demo-');
  const connection = openConnection(join(temp.path, 'koers.sqlite'));
  cleanups.push(async () => {
    await connection.close();
    temp.cleanup();
  });
  await migrateToLatest(connection);
  return connection;
}

async function addCaseworker(db: Kysely<Database>, id: string, name: string): Promise<void> {
  const at = '2026-01-05T08:00:00.000Z';
  await db
    .insertInto('caseworker')
    .values({ id, name, created_at: at, updated_at: at, updated_by: null, deleted_at: null, deactivated_at: null })
    .execute();
}

/**
 * Everything the demo wrote, comparable across databases. Migration 0003 gives the
 * shipped stages and closure reasons fresh random ids in every database, so those
 * references are compared by their default_key.
 */
async function snapshot(db: Kysely<Database>) {
  const shipped = new Map(
    (
      await db.selectFrom('catalog_item').select(['id', 'default_key']).where('default_key', 'is not', null).execute()
    ).map((r) => [r.id, r.default_key]),
  );
  const key = (id: string | null) => (id === null ? null : (shipped.get(id) ?? id));
  return {
    catalog: await db.selectFrom('catalog_item').selectAll().where('kind', '=', 'target_group').orderBy('id').execute(),
    caseworkers: await db.selectFrom('caseworker').selectAll().orderBy('id').execute(),
    households: await db.selectFrom('household').selectAll().orderBy('id').execute(),
    clients: (await db.selectFrom('client').selectAll().orderBy('id').execute()).map((c) => ({
      ...c,
      stage_id: key(c.stage_id),
    })),
    stageChanges: (await db.selectFrom('stage_change').selectAll().orderBy('id').execute()).map((s) => ({
      ...s,
      from_stage_id: key(s.from_stage_id),
      to_stage_id: key(s.to_stage_id),
    })),
    closures: (await db.selectFrom('closure').selectAll().orderBy('id').execute()).map((z) => ({
      ...z,
      reason_id: key(z.reason_id),
    })),
    actions: await db.selectFrom('action').selectAll().orderBy('id').execute(),
    sequence: await db.selectFrom('sequence').selectAll().execute(),
    sheets: await db.selectFrom('sheet').selectAll().orderBy('id').execute(),
    sheetTargetGroups: await db.selectFrom('sheet_target_group').selectAll().orderBy('target_group_id').execute(),
    versions: await db.selectFrom('sheet_version').selectAll().orderBy('id').execute(),
    indicators: await db.selectFrom('indicator').selectAll().orderBy('id').execute(),
    levels: await db.selectFrom('indicator_level').selectAll().orderBy('indicator_id').orderBy('value').execute(),
    scorings: await db.selectFrom('scoring').selectAll().orderBy('id').execute(),
    scores: await db.selectFrom('score').selectAll().orderBy('scoring_id').orderBy('indicator_id').execute(),
    goals: await db.selectFrom('goal').selectAll().orderBy('id').execute(),
    // selectAll leaves out the rowid, which only links the FTS index.
    notes: await db.selectFrom('note').selectAll().orderBy('id').execute(),
  };
}

async function generateFresh(options: DemoOptions, withCurrent = false) {
  const connection = await freshDatabase();
  if (withCurrent) await addCaseworker(connection.db, 'cw-me', 'Anne de Vries');
  const result = await generateDemo(connection.db, options);
  return { connection, result };
}

/** Runs a `SELECT count(…) AS n` query. */
async function count(db: Kysely<Database>, query: RawBuilder<unknown>): Promise<number> {
  const rows = await query.$castTo<{ n: number }>().execute(db);
  return Number(rows.rows[0]!.n);
}

describe('generateDemo', () => {
  it('is deterministic: same seed and options give identical rows, ids included; another seed differs', async () => {
    const options: DemoOptions = { clients: 300, today: TODAY, language: 'en', currentCaseworkerId: 'cw-me' };
    const a = await generateFresh(options, true);
    const b = await generateFresh(options, true);
    const c = await generateFresh({ ...options, seed: 7 }, true);
    expect(a.result).toEqual(b.result);

    const snapA = await snapshot(a.connection.db);
    const snapB = await snapshot(b.connection.db);
    const snapC = await snapshot(c.connection.db);
    expect(snapA.clients).toHaveLength(300);
    expect(snapA.actions.length).toBeGreaterThan(600);
    expect(snapA.catalog.length).toBeGreaterThan(0);
    expect(snapA.scorings.length).toBeGreaterThan(300);
    expect(snapA.scores.length).toBeGreaterThan(2_000);
    expect(snapA.goals.length).toBeGreaterThan(0);
    expect(snapA.notes).toHaveLength(a.result.notes);
    expect(snapA.notes.length).toBeGreaterThan(1_000);
    expect(snapB).toEqual(snapA);

    const ids = (rows: Array<{ id: string }>) => rows.map((r) => r.id);
    expect(ids(snapC.clients)).not.toEqual(ids(snapA.clients));
    expect(ids(snapC.actions)).not.toEqual(ids(snapA.actions));
    expect(ids(snapC.scorings)).not.toEqual(ids(snapA.scorings));
    expect(ids(snapC.notes)).not.toEqual(ids(snapA.notes));
    expect(snapC.clients.map((r) => r.last_name)).not.toEqual(snapA.clients.map((r) => r.last_name));
  });

  it.each([
    [120, 'nl'],
    [2_000, 'da'],
  ] as const)('builds a consistent caseload of %i clients (%s)', async (n, language) => {
    const { connection, result } = await generateFresh({ clients: n, today: TODAY, language });
    const db = connection.db;

    expect(result.clients).toBe(n);
    expect(await count(db, sql`SELECT count(*) AS n FROM client`)).toBe(n);
    const actions = await count(db, sql`SELECT count(*) AS n FROM action`);
    expect(actions).toBe(result.actions);
    expect(actions / n).toBeGreaterThan(2.5);
    expect(actions / n).toBeLessThan(3.5);

    // Caseworkers: one per 120 clients, plus one who left the team and carries nobody.
    const caseworkers = await db
      .selectFrom('caseworker')
      .select(['id', 'role', 'deactivated_at'])
      .orderBy('created_at')
      .execute();
    const active = caseworkers.filter((c) => c.deactivated_at === null);
    expect(active).toHaveLength(Math.ceil(n / 120));
    expect(result.caseworkers).toBe(active.length);
    if (active.length > 1) expect(caseworkers[1]!.role).toBe('key_person');
    const gone = caseworkers.filter((c) => c.deactivated_at !== null).map((c) => c.id);
    expect(
      await db
        .selectFrom('client')
        .select('id')
        .where('caseworker_id', 'in', gone.length > 0 ? gone : ['-'])
        .execute(),
    ).toEqual([]);

    // Every active client has a stage, a target group and a caseworker, of the right kinds.
    expect(
      await count(
        db,
        sql`SELECT count(*) AS n FROM client c
            LEFT JOIN catalog_item s ON s.id = c.stage_id AND s.kind = 'stage'
            LEFT JOIN catalog_item t ON t.id = c.target_group_id AND t.kind = 'target_group'
            WHERE c.status = 'active' AND (s.id IS NULL OR t.id IS NULL OR c.caseworker_id IS NULL OR c.stage_since IS NULL)`,
      ),
    ).toBe(0);
    expect(await count(db, sql`SELECT count(DISTINCT reference) AS n FROM client`)).toBe(n);
    expect(await count(db, sql`SELECT count(DISTINCT pseudonym) AS n FROM client`)).toBe(n);
    expect((await sql`PRAGMA foreign_key_check`.execute(db)).rows).toEqual([]);

    // Dates: ages 18–64, start before the current stage, nothing in the future but open to-dos.
    const clients = await db.selectFrom('client').selectAll().execute();
    for (const c of clients) {
      expect(c.pseudonym).toMatch(/^K-\d{4,}$/);
      expect(c.reference).toMatch(/^\d{4}-\d{6}$/);
      expect(c.date_of_birth! > '1961-03-18' && c.date_of_birth! <= '2008-03-18').toBe(true);
      expect(c.start_date! <= c.stage_since!).toBe(true);
      expect(c.stage_since! <= TODAY).toBe(true);
      expect(c.phone).toMatch(/^(06-\d{8}|\+45( \d\d){4})$/);
    }
    const withEmail = clients.filter((c) => c.email !== null).length / n;
    expect(withEmail).toBeGreaterThan(0.35);
    expect(withEmail).toBeLessThan(0.65);

    // Stage history: 1–3 changes, from nothing at the start date to the current stage at stage_since.
    const changes = await db
      .selectFrom('stage_change')
      .selectAll()
      .orderBy('client_id')
      .orderBy('changed_on')
      .execute();
    const byClient = new Map<string, typeof changes>();
    for (const change of changes) byClient.set(change.client_id, [...(byClient.get(change.client_id) ?? []), change]);
    for (const c of clients) {
      const history = byClient.get(c.id)!;
      expect(history.length).toBeGreaterThanOrEqual(1);
      expect(history.length).toBeLessThanOrEqual(3);
      expect(history[0]).toMatchObject({ from_stage_id: null, changed_on: c.start_date });
      expect(history.at(-1)).toMatchObject({ to_stage_id: c.stage_id, changed_on: c.stage_since });
      for (let i = 1; i < history.length; i++) expect(history[i]!.from_stage_id).toBe(history[i - 1]!.to_stage_id);
    }

    // Some active clients have overdue to-dos (roughly one in seven), some are due today.
    const activeClients = clients.filter((c) => c.status === 'active').length;
    const overdue = await count(
      db,
      sql`SELECT count(DISTINCT a.client_id) AS n FROM action a JOIN client c ON c.id = a.client_id
          WHERE c.status = 'active' AND a.done_at IS NULL AND a.due_date < ${TODAY}`,
    );
    expect(overdue).toBeGreaterThan(0);
    if (n >= 2_000) {
      expect(overdue / activeClients).toBeGreaterThan(0.1);
      expect(overdue / activeClients).toBeLessThan(0.2);
      expect(
        await count(db, sql`SELECT count(*) AS n FROM action WHERE due_date = ${TODAY} AND done_at IS NULL`),
      ).toBeGreaterThan(0);
    }
    expect(
      await count(
        db,
        sql`SELECT count(*) AS n FROM action WHERE done_at IS NOT NULL AND (done_at > ${`${TODAY}T23:59:59Z`} OR due_date >= ${TODAY})`,
      ),
    ).toBe(0);
    expect(
      await count(
        db,
        sql`SELECT count(*) AS n FROM action WHERE kind = 'appointment' AND (due_time IS NULL OR due_time NOT GLOB '[0-2][0-9]:[0-5][0-9]')`,
      ),
    ).toBe(0);

    // Closed clients: about 8%, each with one closure in the past and no open to-dos.
    const closed = clients.filter((c) => c.status === 'closed');
    expect(closed.length).toBe(result.closed);
    expect(closed.length).toBeGreaterThan(0);
    if (n >= 2_000) expect(closed.length / n).toBeGreaterThan(0.05);
    expect(closed.length / n).toBeLessThan(0.12);
    const closures = await db.selectFrom('closure').selectAll().execute();
    expect(closures.map((z) => z.client_id).sort()).toEqual(closed.map((c) => c.id).sort());
    for (const z of closures) {
      expect(z.closed_on < TODAY).toBe(true);
      expect(z.reopened_on).toBeNull();
      expect(z.outcome_note).toBeTruthy();
    }
    expect(
      await count(
        db,
        sql`SELECT count(*) AS n FROM action a JOIN client c ON c.id = a.client_id WHERE c.status = 'closed' AND a.done_at IS NULL`,
      ),
    ).toBe(0);

    // Households of 2–4 sharing a last name and the household's caseworker.
    const households = await db.selectFrom('household').selectAll().execute();
    expect(households.length).toBe(result.households);
    expect(households.length).toBeGreaterThan(0);
    for (const h of households) {
      const members = clients.filter((c) => c.household_id === h.id);
      expect(members.length).toBeGreaterThanOrEqual(2);
      expect(members.length).toBeLessThanOrEqual(4);
      expect(new Set(members.map((m) => m.last_name)).size).toBe(1);
      expect(members.every((m) => m.caseworker_id === h.caseworker_id)).toBe(true);
    }
    if (n >= 2_000) {
      const inHouseholds = clients.filter((c) => c.household_id !== null).length / n;
      expect(inHouseholds).toBeGreaterThan(0.05);
      expect(inHouseholds).toBeLessThan(0.15);
    }

    // Target groups in the language, in order.
    const groups = await db
      .selectFrom('catalog_item')
      .select(['name', 'position', 'weight', 'default_key'])
      .where('kind', '=', 'target_group')
      .orderBy('position')
      .execute();
    expect(groups.map((g) => g.position)).toEqual(groups.map((_, i) => i));
    expect(groups.every((g) => g.weight === 1 && g.default_key === null)).toBe(true);
    expect(groups.map((g) => g.name)).toContain(language === 'nl' ? 'Statushouders' : 'Jobparat');
  });

  it('gives currentCaseworkerId a full caseload of about 120 active clients', async () => {
    const { connection, result } = await generateFresh(
      { clients: 1_000, today: TODAY, language: 'nl', currentCaseworkerId: 'cw-me' },
      true,
    );
    const db = connection.db;
    expect(result.caseworkers).toBe(Math.ceil(1_000 / 120));
    const mine = await count(
      db,
      sql`SELECT count(*) AS n FROM client WHERE caseworker_id = 'cw-me' AND status = 'active'`,
    );
    expect(mine).toBeGreaterThanOrEqual(115);
    expect(mine).toBeLessThanOrEqual(125);
    // The existing row is used as is.
    expect(
      await db.selectFrom('caseworker').select(['name', 'role']).where('id', '=', 'cw-me').executeTakeFirst(),
    ).toEqual({ name: 'Anne de Vries', role: 'caseworker' });
    expect(await count(db, sql`SELECT count(*) AS n FROM caseworker WHERE deactivated_at IS NULL`)).toBe(
      result.caseworkers,
    );
  });

  it('rejects an unknown currentCaseworkerId', async () => {
    const connection = await freshDatabase();
    await expect(
      generateDemo(connection.db, { clients: 120, today: TODAY, language: 'nl', currentCaseworkerId: 'nobody' }),
    ).rejects.toThrow(/does not exist/);
    expect(await count(connection.db, sql`SELECT count(*) AS n FROM client`)).toBe(0);
  });

  it('continues the pseudonym sequence after existing clients', async () => {
    const connection = await freshDatabase();
    const db = connection.db;
    await db.transaction().execute((trx) =>
      insertClient(
        trx,
        {
          firstName: 'Fatima',
          lastName: 'El Amrani',
          reference: null,
          dateOfBirth: null,
          phone: null,
          email: null,
          targetGroupId: null,
          householdId: null,
          startDate: '2026-01-05',
          stageId: null,
          caseworkerId: null,
        },
        '2026-01-05T09:00:00.000Z',
        null,
      ),
    );
    await generateDemo(db, { clients: 120, today: TODAY, language: 'nl' });
    const pseudonyms = (await db.selectFrom('client').select('pseudonym').orderBy('pseudonym').execute()).map(
      (r) => r.pseudonym,
    );
    expect(pseudonyms).toHaveLength(121);
    expect(pseudonyms[0]).toBe('K-0001');
    expect(pseudonyms[1]).toBe('K-0002');
    expect(pseudonyms.at(-1)).toBe('K-0121');
    expect(
      await db.selectFrom('sequence').select('value').where('name', '=', 'client_pseudonym').executeTakeFirst(),
    ).toEqual({ value: 121 });
  });

  it('can run twice on the same database: the second run adds new rows after the first', async () => {
    const connection = await freshDatabase();
    const db = connection.db;
    const first = await generateDemo(db, { clients: 300, today: TODAY, language: 'nl' });
    const second = await generateDemo(db, { clients: 300, today: TODAY, language: 'nl' });
    expect(await count(db, sql`SELECT count(*) AS n FROM client`)).toBe(600);
    expect(await count(db, sql`SELECT count(*) AS n FROM action`)).toBe(first.actions + second.actions);
    expect(await count(db, sql`SELECT count(DISTINCT reference) AS n FROM client`)).toBe(600);
    expect(
      await db.selectFrom('client').select('id').where('pseudonym', '=', 'K-0600').executeTakeFirst(),
    ).toBeDefined();
    // The target groups of the first run are reused, and so are their sheets.
    expect(await count(db, sql`SELECT count(*) AS n FROM catalog_item WHERE kind = 'target_group'`)).toBe(5);
    expect(await count(db, sql`SELECT count(*) AS n FROM sheet`)).toBe(2);
    expect(await count(db, sql`SELECT count(*) AS n FROM sheet_version`)).toBe(3);
    expect(await count(db, sql`SELECT count(*) AS n FROM scoring`)).toBe(first.scorings + second.scorings);
    expect(await count(db, sql`SELECT count(*) AS n FROM note`)).toBe(first.notes + second.notes);
    expect(await count(db, sql`SELECT count(*) AS n FROM score`)).toBe(first.scores + second.scores);
    expect(
      await count(
        db,
        sql`SELECT count(DISTINCT s.client_id) AS n FROM scoring s JOIN client c ON c.id = s.client_id WHERE c.pseudonym > 'K-0300'`,
      ),
    ).toBeGreaterThan(200);
    expect((await sql`PRAGMA foreign_key_check`.execute(db)).rows).toEqual([]);
  });

  it('reuses existing target groups instead of adding its own', async () => {
    const connection = await freshDatabase();
    const db = connection.db;
    const at = '2026-01-01T08:00:00.000Z';
    await db
      .insertInto('catalog_item')
      .values(
        ['Groep A', 'Groep B'].map((name, position) => ({
          id: `tg-${position}`,
          kind: 'target_group' as const,
          default_key: null,
          name,
          position,
          weight: 1,
          retired_at: null,
          created_at: at,
          updated_at: at,
          updated_by: null,
          deleted_at: null,
        })),
      )
      .execute();
    await generateDemo(db, { clients: 200, today: TODAY, language: 'da' });
    expect(await count(db, sql`SELECT count(*) AS n FROM catalog_item WHERE kind = 'target_group'`)).toBe(2);
    const used = await db
      .selectFrom('client')
      .select('target_group_id')
      .distinct()
      .orderBy('target_group_id')
      .execute();
    expect(used.map((r) => r.target_group_id)).toEqual(['tg-0', 'tg-1']);
    // They get the demo's sheets as defaults, and their rhythm (none: the default) is left alone.
    const defaults = await db
      .selectFrom('sheet_target_group as g')
      .innerJoin('sheet as s', 's.id', 'g.sheet_id')
      .select(['g.target_group_id', 's.name'])
      .orderBy('g.target_group_id')
      .execute();
    expect(defaults).toEqual([
      { target_group_id: 'tg-0', name: 'Jobparathed' },
      { target_group_id: 'tg-1', name: 'Deltagelsesstige' },
    ]);
    expect(
      await count(
        db,
        sql`SELECT count(*) AS n FROM catalog_item WHERE kind = 'target_group' AND rescore_weeks IS NOT NULL`,
      ),
    ).toBe(0);
    expect(await count(db, sql`SELECT count(*) AS n FROM scoring`)).toBeGreaterThan(100);
  });

  it("writes in the caller's transaction: rolled back with it", async () => {
    const connection = await freshDatabase();
    const db = connection.db;
    await expect(
      db.transaction().execute(async (trx) => {
        await generateDemo(trx, { clients: 150, today: TODAY, language: 'nl' });
        expect(await count(trx, sql`SELECT count(*) AS n FROM client`)).toBe(150);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await count(db, sql`SELECT count(*) AS n FROM client`)).toBe(0);
    expect(await count(db, sql`SELECT count(*) AS n FROM action`)).toBe(0);
    expect(await count(db, sql`SELECT count(*) AS n FROM note`)).toBe(0);
    expect(await searchNotes(db, { text: 'gesprek' })).toEqual([]);
  });

  it('handles 20,000 clients', { timeout: 120_000 }, async () => {
    // Counts only: how long it takes is for the benchmarks, not for a test.
    const { connection, result } = await generateFresh({ clients: 20_000, today: TODAY, language: 'nl' });
    const db = connection.db;
    expect(result.clients).toBe(20_000);
    expect(result.caseworkers).toBe(167);
    expect(result.actions).toBeGreaterThan(50_000);
    expect(result.actions).toBeLessThan(70_000);
    expect(await count(db, sql`SELECT count(*) AS n FROM client`)).toBe(20_000);
    expect(await count(db, sql`SELECT count(*) AS n FROM action`)).toBe(result.actions);
    expect(await count(db, sql`SELECT count(DISTINCT reference) AS n FROM client`)).toBe(20_000);
    expect(
      await db.selectFrom('client').select('id').where('pseudonym', '=', 'K-20000').executeTakeFirst(),
    ).toBeDefined();
    expect(
      await db.selectFrom('sequence').select('value').where('name', '=', 'client_pseudonym').executeTakeFirst(),
    ).toEqual({ value: 20_000 });
    expect(result.scores).toBeGreaterThan(170_000);
    expect(result.scores).toBeLessThan(240_000);
    expect(await count(db, sql`SELECT count(*) AS n FROM scoring`)).toBe(result.scorings);
    expect(await count(db, sql`SELECT count(*) AS n FROM score`)).toBe(result.scores);
    // About five notes per client, so ~100,000, all in the search index.
    expect(result.notes).toBeGreaterThan(90_000);
    expect(result.notes).toBeLessThan(110_000);
    expect(await count(db, sql`SELECT count(*) AS n FROM note`)).toBe(result.notes);
    expect(await count(db, sql`SELECT count(*) AS n FROM note_fts WHERE note_fts MATCH 'gesprek'`)).toBeGreaterThan(
      10_000,
    );
    expect((await sql`PRAGMA foreign_key_check`.execute(db)).rows).toEqual([]);
  });
});

describe('generateDemo: notes', () => {
  it.each([
    [120, 'nl'],
    [2_000, 'da'],
    [300, 'en'],
  ] as const)('writes case notes for %i clients (%s)', async (n, language) => {
    const { connection, result } = await generateFresh({ clients: n, today: TODAY, language });
    const db = connection.db;
    const large = n >= 2_000;
    const notes = await db.selectFrom('note').selectAll().execute();
    expect(notes).toHaveLength(result.notes);

    // About five per client, a small share of them on households.
    expect(notes.length / n).toBeGreaterThan(large ? 4.5 : 4);
    expect(notes.length / n).toBeLessThan(large ? 5.5 : 6);
    const onHouseholds = notes.filter((note) => note.household_id !== null);
    expect(onHouseholds.length).toBeGreaterThan(0);
    expect(onHouseholds.every((note) => note.client_id === null)).toBe(true);
    expect(notes.filter((note) => note.client_id !== null && note.household_id !== null)).toEqual([]);
    if (large) {
      expect(onHouseholds.length / notes.length).toBeGreaterThan(0.02);
      expect(onHouseholds.length / notes.length).toBeLessThan(0.08);
    }

    // Bodies of 150–450 characters, ~300 on average, not one text copied over and over.
    const lengths = notes.map((note) => [...note.body].length);
    expect(Math.min(...lengths)).toBeGreaterThanOrEqual(150);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(450);
    const average = lengths.reduce((sum, l) => sum + l, 0) / lengths.length;
    expect(average).toBeGreaterThan(260);
    expect(average).toBeLessThan(340);
    expect(new Set(notes.map((note) => note.body)).size / notes.length).toBeGreaterThan(0.9);

    // Mostly conversations and calls, every kind present; about 2% pinned.
    const share = (kind: string) => notes.filter((note) => note.kind === kind).length / notes.length;
    expect(share('conversation') + share('phone_call')).toBeGreaterThan(0.55);
    expect(share('conversation') + share('phone_call')).toBeLessThan(0.85);
    const pinned = notes.filter((note) => note.pinned === 1).length / notes.length;
    expect(notes.every((note) => note.pinned === 0 || note.pinned === 1)).toBe(true);
    if (large) {
      for (const kind of ['conversation', 'phone_call', 'home_visit', 'agreement', 'reflection', 'milestone'])
        expect(share(kind)).toBeGreaterThan(0.01);
      expect(share('milestone')).toBeLessThan(0.08);
      expect(pinned).toBeGreaterThan(0.01);
      expect(pinned).toBeLessThan(0.035);
    }

    // Written by the caseworker of the client (or household), within the case, never before the client was entered.
    expect(
      notes.every((note) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(note.noted_at) && note.deleted_at === null),
    ).toBe(true);
    expect(
      await count(
        db,
        sql`SELECT count(*) AS n FROM note o JOIN client c ON c.id = o.client_id LEFT JOIN closure z ON z.client_id = c.id
            WHERE o.author_id IS NOT c.caseworker_id OR o.updated_by IS NOT c.caseworker_id OR o.created_at < c.created_at
               OR substr(o.noted_at, 1, 10) < c.start_date OR substr(o.noted_at, 1, 10) > coalesce(z.closed_on, ${TODAY})
               OR substr(o.noted_at, 12) < '08:00' OR substr(o.noted_at, 12) > '17:00'`,
      ),
    ).toBe(0);
    expect(
      await count(
        db,
        sql`SELECT count(*) AS n FROM note o JOIN household h ON h.id = o.household_id
            WHERE o.author_id IS NOT h.caseworker_id OR o.created_at < h.created_at OR substr(o.noted_at, 1, 10) > ${TODAY}
               OR substr(o.noted_at, 1, 10) < (SELECT min(c.start_date) FROM client c WHERE c.household_id = h.id)`,
      ),
    ).toBe(0);
    expect((await sql`PRAGMA foreign_key_check`.execute(db)).rows).toEqual([]);

    // The search index holds every note, and finds words typed without their diacritics.
    await sql`INSERT INTO note_fts (note_fts) VALUES ('integrity-check')`.execute(db);
    const found = async (typed: string, written: string) => {
      const hits = await searchNotes(db, { text: typed, limit: 500 });
      expect(hits.length).toBeGreaterThan(0);
      expect(hits.some((hit) => hit.snippet.toLowerCase().includes(`${HIGHLIGHT_START}${written}`))).toBe(true);
      expect(hits.every((hit) => hit.ownerName !== '' && hit.snippet.includes(HIGHLIGHT_END))).toBe(true);
    };
    if (language === 'nl') {
      await found('geinteresseerd', 'geïnteresseerd');
      await found('cafe', 'café');
      // Every note with "één" is found by typing "een".
      const withEen = await count(db, sql`SELECT count(*) AS n FROM note WHERE body LIKE '%één%'`);
      expect(withEen).toBeGreaterThan(0);
      expect(
        await count(
          db,
          sql`SELECT count(*) AS n FROM note_fts f JOIN note o ON o.rowid = f.rowid WHERE note_fts MATCH '"een"' AND o.body LIKE '%één%'`,
        ),
      ).toBe(withEen);
    } else if (language === 'da') {
      await found('kobmand', 'købmand');
      await found('arsag', 'årsag');
      await found('soger', 'søger');
    } else {
      await found('cafe', 'café');
      await found('internship', 'internship');
    }
    // Household notes are found as well, under the household's name.
    const householdNote = await db
      .selectFrom('note')
      .select(['id', 'body'])
      .where('household_id', 'is not', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const householdHits = await searchNotes(db, { text: householdNote.body.slice(0, 80), limit: 500 });
    expect(householdHits.find((hit) => hit.id === householdNote.id)?.ownerName).toMatch(/\S/);
  });
});

describe('generateDemo: progression', () => {
  it.each([
    [120, 'nl', 'Werkfitheid', 'Participatieladder'],
    [2_000, 'da', 'Jobparathed', 'Deltagelsesstige'],
  ] as const)('scores %i clients (%s) on published sheets', async (n, language, workReadiness, ladder) => {
    const { connection, result } = await generateFresh({ clients: n, today: TODAY, language });
    const db = connection.db;
    const large = n >= 2_000;

    // Every demo target group has a rhythm and a default sheet: work readiness, the ladder for one.
    const groups = await db
      .selectFrom('catalog_item')
      .select(['id', 'rescore_weeks'])
      .where('kind', '=', 'target_group')
      .execute();
    expect(groups.every((g) => g.rescore_weeks !== null && g.rescore_weeks >= 4 && g.rescore_weeks <= 12)).toBe(true);
    const defaults = await db
      .selectFrom('sheet_target_group as g')
      .innerJoin('sheet as s', 's.id', 'g.sheet_id')
      .select(['g.target_group_id', 's.name'])
      .execute();
    expect(defaults.map((d) => d.target_group_id).sort()).toEqual(groups.map((g) => g.id).sort());
    expect(defaults.filter((d) => d.name === ladder)).toHaveLength(1);
    expect(defaults.filter((d) => d.name === workReadiness)).toHaveLength(groups.length - 1);

    // Work readiness in two published versions with the same keys, the ladder in one.
    const versions = await db
      .selectFrom('sheet_version as v')
      .innerJoin('sheet as s', 's.id', 'v.sheet_id')
      .select(['v.id', 's.name', 'v.number', 'v.published_at'])
      .orderBy('s.name')
      .orderBy('v.number')
      .execute();
    expect(versions.map((v) => [v.name, v.number])).toEqual(
      [
        [ladder, 1],
        [workReadiness, 1],
        [workReadiness, 2],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0])) || Number(a[1]) - Number(b[1])),
    );
    expect(versions.every((v) => v.published_at !== null && v.published_at < TODAY)).toBe(true);
    const [v1, v2] = versions.filter((v) => v.name === workReadiness);
    expect(v1!.published_at! < v2!.published_at!).toBe(true);
    const indicators = await db.selectFrom('indicator').selectAll().orderBy('position').execute();
    const keysOf = (versionId: string) => indicators.filter((i) => i.version_id === versionId).map((i) => i.key);
    expect(keysOf(v1!.id)).toEqual([
      'motivation',
      'work_identity',
      'health',
      'punctuality',
      'social_network',
      'language',
      'finances',
    ]);
    expect(keysOf(v2!.id)).toEqual(keysOf(v1!.id));
    const described = (versionId: string) =>
      indicators.filter((i) => i.version_id === versionId).map((i) => i.description);
    expect(described(v2!.id).filter((d, i) => d !== described(v1!.id)[i])).toHaveLength(1);
    expect(
      await count(
        db,
        sql`SELECT count(*) AS n FROM indicator i WHERE (SELECT count(*) FROM indicator_level l WHERE l.indicator_id = i.id) != i.scale_max - i.scale_min + 1`,
      ),
    ).toBe(0);
    // The database still guards the published versions.
    await expect(
      db.updateTable('indicator').set({ name: 'x' }).where('version_id', '=', v1!.id).execute(),
    ).rejects.toThrow(/immutable/);

    // Counts as reported; scorings on published versions, on dates within the case, older ones on version 1.
    const scorings = await db.selectFrom('scoring').selectAll().execute();
    expect(scorings).toHaveLength(result.scorings);
    expect(await count(db, sql`SELECT count(*) AS n FROM score`)).toBe(result.scores);
    expect(
      await count(
        db,
        sql`SELECT count(*) AS n FROM scoring s JOIN sheet_version v ON v.id = s.version_id
            WHERE v.published_at IS NULL OR substr(v.published_at, 1, 10) > s.scored_on`,
      ),
    ).toBe(0);
    expect(
      await count(
        db,
        sql`SELECT count(*) AS n FROM scoring WHERE version_id = ${v1!.id} AND scored_on >= ${v2!.published_at!.slice(0, 10)}`,
      ),
    ).toBe(0);
    expect(await count(db, sql`SELECT count(*) AS n FROM scoring WHERE version_id = ${v1!.id}`)).toBeGreaterThan(0);
    expect(await count(db, sql`SELECT count(*) AS n FROM scoring WHERE version_id = ${v2!.id}`)).toBeGreaterThan(0);
    expect(
      await count(
        db,
        sql`SELECT count(*) AS n FROM scoring s JOIN client c ON c.id = s.client_id LEFT JOIN closure z ON z.client_id = c.id
            WHERE s.scored_on < c.start_date OR s.scored_on > coalesce(z.closed_on, ${TODAY})
               OR s.caseworker_id IS NOT c.caseworker_id OR s.created_at < c.created_at OR s.deleted_at IS NOT NULL`,
      ),
    ).toBe(0);
    // Scorings follow the client's default sheet.
    expect(
      await count(
        db,
        sql`SELECT count(*) AS n FROM scoring s JOIN client c ON c.id = s.client_id JOIN sheet_version v ON v.id = s.version_id
            JOIN sheet_target_group g ON g.target_group_id = c.target_group_id WHERE g.sheet_id != v.sheet_id`,
      ),
    ).toBe(0);

    // One score per indicator of the version, with its key, on its scale or "not scored".
    expect(
      await count(
        db,
        sql`SELECT count(*) AS n FROM score sc JOIN scoring s ON s.id = sc.scoring_id JOIN indicator i ON i.id = sc.indicator_id
            WHERE i.version_id != s.version_id OR i.key != sc.indicator_key
               OR (sc.value IS NOT NULL AND (sc.value < i.scale_min OR sc.value > i.scale_max))`,
      ),
    ).toBe(0);
    expect(
      await count(
        db,
        sql`SELECT count(*) AS n FROM scoring s
            WHERE (SELECT count(*) FROM score sc WHERE sc.scoring_id = s.id) != (SELECT count(*) FROM indicator i WHERE i.version_id = s.version_id)`,
      ),
    ).toBe(0);
    const notScored = await count(db, sql`SELECT count(*) AS n FROM score WHERE value IS NULL`);
    expect(notScored).toBeGreaterThan(0);
    if (large) {
      expect(notScored / result.scores).toBeGreaterThan(0.015);
      expect(notScored / result.scores).toBeLessThan(0.05);
    }

    // About ten scores per client; at most four scorings by the caseworker; self-scores on the day of a caseworker's scoring.
    expect(result.scores / n).toBeGreaterThan(large ? 8 : 6);
    expect(result.scores / n).toBeLessThan(large ? 13 : 15);
    expect(
      await count(
        db,
        sql`SELECT count(*) AS n FROM (SELECT client_id FROM scoring WHERE scored_by != 'client' GROUP BY client_id HAVING count(*) > 4)`,
      ),
    ).toBe(0);
    const by = (who: string) => scorings.filter((s) => s.scored_by === who).length;
    expect(by('client')).toBeGreaterThan(0);
    expect(by('together')).toBeGreaterThan(0);
    expect(by('caseworker')).toBeGreaterThan(by('together') + by('client'));
    expect(
      await count(
        db,
        sql`SELECT count(*) AS n FROM scoring s WHERE s.scored_by = 'client' AND NOT EXISTS
            (SELECT 1 FROM scoring o WHERE o.client_id = s.client_id AND o.scored_on = s.scored_on AND o.scored_by = 'caseworker' AND o.version_id = s.version_id)`,
      ),
    ).toBe(0);

    // Some clients never scored; of the active ones scored, about a fifth overdue for the next.
    const never = await count(
      db,
      sql`SELECT count(*) AS n FROM client c WHERE NOT EXISTS (SELECT 1 FROM scoring s WHERE s.client_id = c.id)`,
    );
    expect(never).toBeGreaterThan(0);
    const overdue = await db
      .selectFrom('client as c')
      .innerJoin('catalog_item as g', 'g.id', 'c.target_group_id')
      .innerJoin('scoring as s', 's.client_id', 'c.id')
      .select((eb) => ['c.id', 'g.rescore_weeks', eb.fn.max('s.scored_on').as('last')])
      .where('c.status', '=', 'active')
      .groupBy('c.id')
      .execute();
    const isOverdue = (r: (typeof overdue)[number]) => addDays(r.last, r.rescore_weeks! * 7) <= TODAY;
    expect(overdue.some(isOverdue)).toBe(true);
    if (large) {
      expect(never / n).toBeGreaterThan(0.05);
      expect(never / n).toBeLessThan(0.15);
      const share = overdue.filter(isOverdue).length / overdue.length;
      expect(share).toBeGreaterThan(0.12);
      expect(share).toBeLessThan(0.3);
      // Modest progress: a client's last caseworker scoring tends to sit above the first.
      const drift = await db
        .selectFrom('score as sc')
        .innerJoin('scoring as s', 's.id', 'sc.scoring_id')
        .select((eb) => [
          eb.fn
            .avg<number>(
              sql`CASE WHEN s.scored_on = (SELECT min(f.scored_on) FROM scoring f WHERE f.client_id = s.client_id) THEN sc.value END`,
            )
            .as('first'),
          eb.fn
            .avg<number>(
              sql`CASE WHEN s.scored_on = (SELECT max(l.scored_on) FROM scoring l WHERE l.client_id = s.client_id) THEN sc.value END`,
            )
            .as('last'),
        ])
        .where('s.scored_by', '!=', 'client')
        .where(sql<boolean>`(SELECT count(DISTINCT o.scored_on) FROM scoring o WHERE o.client_id = s.client_id) >= 3`)
        .executeTakeFirstOrThrow();
      expect(drift.last - drift.first).toBeGreaterThan(0.2);
      expect(drift.last - drift.first).toBeLessThan(1.5);
    }

    // Goals: about 30% of clients, 1–3 each, above the latest value, due in the future, on the client's sheet.
    const goals = await db.selectFrom('goal').selectAll().execute();
    expect(goals.length).toBeGreaterThan(0);
    const goalClients = new Set(goals.map((g) => g.client_id));
    if (large) {
      expect(goalClients.size / n).toBeGreaterThan(0.2);
      expect(goalClients.size / n).toBeLessThan(0.4);
    }
    expect(
      await count(
        db,
        sql`SELECT count(*) AS n FROM (SELECT client_id FROM goal GROUP BY client_id HAVING count(*) > 3)`,
      ),
    ).toBe(0);
    expect(goals.every((g) => g.target_date !== null && g.target_date > TODAY && g.deleted_at === null)).toBe(true);
    expect(
      await count(
        db,
        sql`SELECT count(*) AS n FROM goal g JOIN client c ON c.id = g.client_id
            WHERE c.status != 'active' OR g.target > (
              SELECT max(i.scale_max) FROM indicator i JOIN sheet_version v ON v.id = i.version_id
              JOIN sheet_target_group t ON t.sheet_id = v.sheet_id WHERE t.target_group_id = c.target_group_id AND i.key = g.indicator_key)
            OR g.target <= (
              SELECT sc.value FROM score sc JOIN scoring s ON s.id = sc.scoring_id
              WHERE s.client_id = g.client_id AND sc.indicator_key = g.indicator_key AND sc.value IS NOT NULL AND s.scored_by != 'client'
              ORDER BY s.scored_on DESC, s.created_at DESC LIMIT 1)
            OR NOT EXISTS (SELECT 1 FROM score sc JOIN scoring s ON s.id = sc.scoring_id WHERE s.client_id = g.client_id AND sc.indicator_key = g.indicator_key)`,
      ),
    ).toBe(0);

    expect((await sql`PRAGMA foreign_key_check`.execute(db)).rows).toEqual([]);
  });
});

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
