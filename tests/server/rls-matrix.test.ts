import { type Kysely, sql, type Transaction } from 'kysely';
import { DatabaseError } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYNCED_TABLES, type SyncedTableName } from '../../common/sync/tables';
import { connect } from '../../server/db/connect';
import { asUser } from '../../server/db/identity';
import { migrateDatabase } from '../../server/db/migrate';
import type { ServerDatabase } from '../../server/db/schema';
import { APP_ROLE } from '../../server/db/security';
import { freshDatabase, OWNER_ROLE } from './databases';
import { startPostgres, type TestPostgres } from './postgres';
import {
  insertRow,
  keyOf,
  PEOPLE,
  type Person,
  refsOf,
  ROW,
  type Seed,
  type SeedRow,
  seedTeams,
  type TeamName,
} from './rls-seed';

/**
 * Row-level security, asked directly with hand-built SQL as koers_app: for every synced
 * table and every kind of caller, each of select / insert / update / delete does exactly
 * what issue 17 allows. The expectations below are the rules written plainly over
 * the seed's labels (whose row, which team, draft or not), not read back from the policies.
 */

const DATABASE = 'matrix';
const TEAM_TABLES = new Set<SyncedTableName>(SYNCED_TABLES.filter((t) => t.scope === 'team').map((t) => t.name));
const NOTE_TABLES = new Set<SyncedTableName>(['note', 'note_version']);
/** A key person may reassign clients and households of colleagues (the trigger limits which columns). */
const ASSIGNABLE = new Set<SyncedTableName>(['client', 'household']);

interface Caller {
  label: string;
  /** null: no identity set at all. */
  subject: string | null;
  person: Person | null;
}

const NO_IDENTITY: Caller = { label: 'no identity', subject: null, person: null };
const CALLERS: readonly Caller[] = [
  { label: 'caseworker', subject: PEOPLE.caseworkerA.subject, person: PEOPLE.caseworkerA },
  { label: 'key person', subject: PEOPLE.keyPersonA.subject, person: PEOPLE.keyPersonA },
  { label: "other team's caseworker", subject: PEOPLE.caseworkerB.subject, person: PEOPLE.caseworkerB },
  { label: 'unknown subject', subject: 'nobody-we-know', person: null },
  NO_IDENTITY,
];

const isKeyPerson = (p: Person | null) => p?.role === 'key_person';

function maySee(p: Person | null, row: SeedRow, notesVisible: boolean): boolean {
  if (!p || p.team !== row.team) return false;
  if (TEAM_TABLES.has(row.table)) return !row.draft || isKeyPerson(p);
  if (NOTE_TABLES.has(row.table)) return row.owner === p.caseworker || (isKeyPerson(p) && notesVisible);
  return row.owner === p.caseworker || isKeyPerson(p);
}

function mayUpdate(p: Person | null, row: SeedRow): boolean {
  if (!p || p.team !== row.team) return false;
  if (TEAM_TABLES.has(row.table)) return isKeyPerson(p);
  return row.owner === p.caseworker || (isKeyPerson(p) && ASSIGNABLE.has(row.table));
}

function mayDelete(p: Person | null, row: SeedRow): boolean {
  if (!p || p.team !== row.team) return false;
  return TEAM_TABLES.has(row.table) ? isKeyPerson(p) : row.owner === p.caseworker;
}

function mayInsert(p: Person | null, table: SyncedTableName, team: TeamName, owner: string): boolean {
  if (!p || p.team !== team) return false;
  if (TEAM_TABLES.has(table)) return isKeyPerson(p);
  // A key person adds a handover's record for any of the team's clients: the assignment is hers to change.
  return owner === p.caseworker || (isKeyPerson(p) && (ASSIGNABLE.has(table) || table === 'handover'));
}

class Rollback extends Error {}

describe('row-level security for koers_app', () => {
  let postgres: TestPostgres;
  let owner: Kysely<ServerDatabase>;
  let app: Kysely<ServerDatabase>;
  let seed: Seed;

  beforeAll(async () => {
    postgres = await startPostgres();
    await migrateDatabase(await freshDatabase(postgres, DATABASE));
    owner = connect(postgres.url(OWNER_ROLE, DATABASE), { max: 2 });
    app = connect(postgres.url(APP_ROLE, DATABASE), { max: 2 });
    seed = await seedTeams(owner);
  }, 60_000);
  afterAll(async () => {
    await app?.destroy();
    await owner?.destroy();
    await postgres?.stop();
  });

  /** Runs `work` as `caller` and rolls everything back, so each attempt sees the seed as it is. */
  async function attempt<T>(caller: Caller, work: (trx: Transaction<ServerDatabase>) => Promise<T>): Promise<T> {
    const outcome: { value?: T } = {};
    const run = async (trx: Transaction<ServerDatabase>) => {
      outcome.value = await work(trx);
      throw new Rollback();
    };
    try {
      if (caller.subject === null) await app.transaction().execute(run);
      else await asUser(app, caller.subject, run);
    } catch (error) {
      if (!(error instanceof Rollback)) throw error;
    }
    return outcome.value as T;
  }

  /** The error code of a refused statement ('42501': the policy or a missing privilege), or 'ok'. */
  async function outcomeOf(caller: Caller, work: (trx: Transaction<ServerDatabase>) => Promise<unknown>) {
    try {
      await attempt(caller, work);
      return 'ok';
    } catch (error) {
      if (error instanceof DatabaseError) return error.code;
      throw error;
    }
  }

  function keyColumns(table: SyncedTableName) {
    const key = SYNCED_TABLES.find((t) => t.name === table)?.key ?? [];
    return sql.join(key.map((c) => sql.id(c)));
  }

  async function keys(rows: Record<string, unknown>[], table: SyncedTableName): Promise<string[]> {
    return rows.map((r) => keyOf(table, r)).sort();
  }

  const expected = (table: SyncedTableName, allowed: (row: SeedRow) => boolean) =>
    seed.rows
      .filter((r) => r.table === table && allowed(r))
      .map((r) => keyOf(table, r.values))
      .sort();

  describe.each(SYNCED_TABLES.map((t) => t.name))('%s', (table) => {
    it.each(CALLERS)('$label: select, update, delete and insert as the policy allows', async (caller) => {
      const p = caller.person;
      const t = sql.table(table);

      const seen = await attempt(caller, (trx) =>
        sql<Record<string, unknown>>`SELECT ${keyColumns(table)} FROM ${t}`.execute(trx),
      );
      expect(await keys(seen.rows, table), 'select').toEqual(expected(table, (r) => maySee(p, r, false)));

      const updated = await attempt(caller, (trx) =>
        sql<
          Record<string, unknown>
        >`UPDATE ${t} SET row_version = row_version + 1 RETURNING ${keyColumns(table)}`.execute(trx),
      );
      expect(await keys(updated.rows, table), 'update').toEqual(expected(table, (r) => mayUpdate(p, r)));

      const deleted = await attempt(caller, (trx) =>
        sql<Record<string, unknown>>`DELETE FROM ${t} RETURNING ${keyColumns(table)}`.execute(trx),
      );
      expect(await keys(deleted.rows, table), 'delete').toEqual(expected(table, (r) => mayDelete(p, r)));

      // New rows in team A, hanging on the caseworker's own client and on a colleague's; and,
      // for the other team, a row claiming its own team but hanging on team A's client.
      const attempts: [team: TeamName, owner: string][] = [
        ['A', PEOPLE.caseworkerA.caseworker],
        ['A', PEOPLE.colleagueA.caseworker],
      ];
      if (p && p.team !== 'A') attempts.push([p.team, PEOPLE.caseworkerA.caseworker]);
      for (const [team, ownerOfRow] of attempts) {
        const values = {
          ...ROW[table](`new-${table}-${team}-${ownerOfRow}`, refsOf('A', ownerOfRow)),
          team_id: seed.teams[team],
          row_version: 1,
        };
        const result = await outcomeOf(caller, (trx) => insertRow(trx, table, values));
        expect(result, `insert in team ${team} on ${ownerOfRow}'s`).toBe(
          mayInsert(p, table, team, ownerOfRow) ? 'ok' : '42501',
        );
      }
    });
  });
  const caller = (person: Person): Caller => ({ label: person.subject, subject: person.subject, person });
  const cwA = caller(PEOPLE.caseworkerA);
  const kpA = caller(PEOPLE.keyPersonA);
  const cwB = caller(PEOPLE.caseworkerB);
  const kpB = caller(PEOPLE.keyPersonB);

  async function visibleIds(who: Caller, table: 'note' | 'note_version' | 'client' | 'client_revocation') {
    const column = table === 'client_revocation' ? 'client_id' : 'id';
    const rows = await attempt(who, (trx) =>
      sql<{ id: string }>`SELECT ${sql.id(column)} AS id FROM ${sql.table(table)} ORDER BY 1`.execute(trx),
    );
    return rows.rows.map((r) => r.id);
  }

  it("lets a key person read colleagues' notes only while the team allows it", async () => {
    const teamNotes = (table: 'note' | 'note_version') =>
      seed.rows
        .filter((r) => r.table === table && r.team === 'A')
        .map((r) => String(r.values.id))
        .sort();
    expect(await visibleIds(kpA, 'note')).toEqual([]);
    await owner
      .updateTable('team')
      .set({ notes_visible_to_key_persons: true })
      .where('id', '=', seed.teams.A)
      .execute();
    try {
      expect(await visibleIds(kpA, 'note')).toEqual(teamNotes('note'));
      expect(await visibleIds(kpA, 'note_version')).toEqual(teamNotes('note_version'));
      expect(await visibleIds(kpB, 'note')).toEqual([]);
      // The setting is for key persons: a caseworker still sees only her own clients' notes.
      expect(await visibleIds(cwA, 'note')).toEqual(['cwA-household-note', 'cwA-note']);
    } finally {
      await owner
        .updateTable('team')
        .set({ notes_visible_to_key_persons: false })
        .where('id', '=', seed.teams.A)
        .execute();
    }
  });

  it('lets a key person reassign a colleague’s client, but not change what it says', async () => {
    const reassigned = await attempt(kpA, async (trx) => {
      const update = await sql`UPDATE client SET caseworker_id = 'cwA2' WHERE id = 'cwA-client'`.execute(trx);
      const revocations = await sql<{ from_caseworker_id: string; to_caseworker_id: string }>`
        SELECT from_caseworker_id, to_caseworker_id FROM client_revocation WHERE client_id = 'cwA-client'`.execute(trx);
      return { count: update.numAffectedRows, revocations: revocations.rows };
    });
    expect(reassigned).toEqual({ count: 1n, revocations: [{ from_caseworker_id: 'cwA', to_caseworker_id: 'cwA2' }] });
    expect(
      await outcomeOf(kpA, (trx) => sql`UPDATE client SET first_name = 'Changed' WHERE id = 'cwA-client'`.execute(trx)),
    ).toBe('42501');
    expect(
      await outcomeOf(kpA, (trx) => sql`UPDATE household SET name = 'Changed' WHERE id = 'cwA-household'`.execute(trx)),
    ).toBe('42501');
    expect(
      await outcomeOf(kpA, (trx) => sql`UPDATE client SET caseworker_id = 'cwB' WHERE id = 'cwA-client'`.execute(trx)),
    ).toBe('42501');
    // A caseworker hands her client to a colleague through koers_hand_over, not to nobody.
    const handOver = (to: string) => (trx: Transaction<ServerDatabase>) =>
      sql`SELECT koers_hand_over('cwA-client', ${to}, ${seed.teams.A}, 5)`.execute(trx);
    expect(await outcomeOf(cwA, handOver('cwA2'))).toBe('ok');
    expect(await outcomeOf(cwA, handOver('nobody'))).toBe('42501');
    expect(await outcomeOf(cwA, handOver('kpB'))).toBe('42501');
    expect(
      await outcomeOf(cwA, (trx) => sql`UPDATE client SET caseworker_id = NULL WHERE id = 'cwA-client'`.execute(trx)),
    ).toBe('42501');
  });

  it('moves a client handed to another team’s caseworker, with all its rows, and tells the old team', async () => {
    const r = { ...refsOf('A', 'cwA'), client: 'move-client', scoring: 'move-scoring', note: 'move-note' };
    const rows: [SyncedTableName, Record<string, unknown>][] = [
      ['client', { ...ROW.client(r.client, r), household_id: null }],
      ['action', ROW.action('move-action', r)],
      ['goal', ROW.goal('move-goal', r)],
      ['stage_change', ROW.stage_change('move-stage-change', r)],
      ['closure', { ...ROW.closure('move-closure', r), reason_id: 'A-reason' }],
      ['scoring', ROW.scoring(r.scoring, r)],
      ['score', ROW.score(r.indicator, r)],
      ['note', ROW.note(r.note, r)],
      ['note_version', ROW.note_version('move-note-version', r)],
    ];
    await owner.transaction().execute(async (trx) => {
      for (const [table, values] of rows)
        await insertRow(trx, table, { ...values, team_id: seed.teams.A, row_version: 1 });
    });
    const move = (caseworker: string, team: TeamName) => (trx: Transaction<ServerDatabase>) =>
      sql`SELECT koers_hand_over('move-client', ${caseworker}, ${seed.teams[team]}, 2)`.execute(trx);

    // The target caseworker must belong to the target team; another team cannot take the client.
    expect(await outcomeOf(cwA, move('cwB', 'A'))).toBe('42501');
    expect(await outcomeOf(cwA, move('cwA2', 'B'))).toBe('42501');
    expect(await outcomeOf(cwB, move('cwB', 'B'))).toBe('42501');
    expect(await outcomeOf(kpB, move('cwB', 'B'))).toBe('42501');
    // A plain UPDATE cannot do it: the moved row would be out of the caller's sight.
    expect(
      await outcomeOf(cwA, (trx) =>
        sql`UPDATE client SET caseworker_id = 'cwB', team_id = ${seed.teams.B} WHERE id = 'move-client'`.execute(trx),
      ),
    ).toBe('42501');

    await asUser(app, cwA.subject ?? '', async (trx) => {
      await insertRow(trx, 'handover', {
        ...ROW.handover('move-handover', { ...r, caseworker: 'cwB' }),
        from_caseworker_id: 'cwA',
        team_id: seed.teams.A,
        row_version: 2,
      });
      await move('cwB', 'B')(trx);
    });

    const counterB = await owner
      .selectFrom('team')
      .select('row_counter')
      .where('id', '=', seed.teams.B)
      .executeTakeFirst();
    for (const table of [
      'client',
      'action',
      'goal',
      'stage_change',
      'closure',
      'scoring',
      'handover',
      'note',
    ] as const) {
      const moved = await owner
        .selectFrom(table)
        .select(['team_id', 'row_version'])
        .where(table === 'client' ? 'id' : 'client_id', '=', 'move-client')
        .execute();
      expect(moved, table).toEqual([{ team_id: seed.teams.B, row_version: counterB?.row_counter }]);
    }
    expect(
      await owner.selectFrom('score').select('team_id').where('scoring_id', '=', 'move-scoring').execute(),
    ).toEqual([{ team_id: seed.teams.B }]);
    expect(
      await owner.selectFrom('note_version').select('team_id').where('note_id', '=', 'move-note').execute(),
    ).toEqual([{ team_id: seed.teams.B }]);
    expect(
      await owner
        .selectFrom('client_revocation')
        .select(['team_id', 'from_caseworker_id', 'to_caseworker_id', 'to_team_id'])
        .where('client_id', '=', 'move-client')
        .execute(),
    ).toEqual([
      { team_id: seed.teams.A, from_caseworker_id: 'cwA', to_caseworker_id: 'cwB', to_team_id: seed.teams.B },
    ]);

    expect(await visibleIds(cwA, 'client')).not.toContain('move-client');
    expect(await visibleIds(kpA, 'client')).not.toContain('move-client');
    expect(await visibleIds(cwA, 'client_revocation')).toContain('move-client');
    expect(await visibleIds(cwB, 'client')).toContain('move-client');
    expect(await visibleIds(cwB, 'note')).toContain('move-note');
    expect(await visibleIds(cwB, 'note_version')).toContain('move-note-version');
    expect(await visibleIds(cwB, 'client_revocation')).not.toContain('move-client');
  });

  it('keeps audit_event append-only for koers_app, readable by the team’s key persons', async () => {
    const event = (subject: string) => (trx: Transaction<ServerDatabase>) =>
      trx
        .insertInto('audit_event')
        .values({
          subject,
          caseworker_id: 'cwA',
          team_id: seed.teams.A,
          device: 'laptop-1',
          action: 'push',
          outcome: 'ok',
        })
        .execute();
    await asUser(app, cwA.subject ?? '', event('cw-a'));
    expect(await outcomeOf(cwA, event('kp-a'))).toBe('42501');
    expect(await outcomeOf(cwA, (trx) => sql`UPDATE audit_event SET outcome = 'changed'`.execute(trx))).toBe('42501');
    expect(await outcomeOf(cwA, (trx) => sql`DELETE FROM audit_event`.execute(trx))).toBe('42501');
    expect(await outcomeOf(kpA, (trx) => sql`DELETE FROM audit_event`.execute(trx))).toBe('42501');
    const subjects = (who: Caller) => attempt(who, (trx) => trx.selectFrom('audit_event').select('subject').execute());
    expect(await subjects(cwA)).toEqual([]);
    expect(await subjects(kpA)).toEqual([{ subject: 'cw-a' }]);
    expect(await subjects(kpB)).toEqual([]);
  });

  it('shows accounts, devices and the team counter only as far as they are the caller’s', async () => {
    const accounts = (who: Caller) =>
      attempt(who, (trx) => trx.selectFrom('account').select('subject').orderBy('subject').execute());
    expect(await accounts(cwA)).toEqual([{ subject: 'cw-a' }]);
    expect(await accounts(kpA)).toEqual([{ subject: 'cw-a' }, { subject: 'cw-a2' }, { subject: 'kp-a' }]);
    expect(
      await outcomeOf(cwA, (trx) => trx.insertInto('device').values({ subject: 'cw-a', id: 'laptop-1' }).execute()),
    ).toBe('ok');
    expect(
      await outcomeOf(cwA, (trx) => trx.insertInto('device').values({ subject: 'kp-a', id: 'laptop-1' }).execute()),
    ).toBe('42501');
    expect(
      await outcomeOf(kpA, (trx) =>
        trx.updateTable('account').set({ role: 'key_person' }).where('subject', '=', 'cw-b').execute(),
      ),
    ).toBe('ok');
    expect(await outcomeOf(cwA, (trx) => sql`UPDATE team SET row_counter = 0`.execute(trx))).toBe('42501');
    const versions = await attempt(cwA, async (trx) => {
      const next = () => sql<{ v: number }>`SELECT koers_next_row_version() AS v`.execute(trx);
      const first = (await next()).rows[0]?.v ?? 0;
      return { first, second: (await next()).rows[0]?.v };
    });
    expect(versions.second).toBe(versions.first + 1);
    expect(await outcomeOf(NO_IDENTITY, (trx) => sql`SELECT koers_next_row_version()`.execute(trx))).toBe('42501');
  });

  it('forgets the identity when its transaction ends', async () => {
    const single = connect(postgres.url(APP_ROLE, DATABASE), { max: 1 });
    try {
      const inside = await asUser(single, 'cw-a', (trx) => trx.selectFrom('client').select('id').execute());
      expect(inside.length).toBeGreaterThan(0);
      expect(await single.selectFrom('client').select('id').execute()).toEqual([]);
      const setting = await sql<{ s: string | null }>`SELECT current_setting('koers.subject', true) AS s`.execute(
        single,
      );
      expect(setting.rows[0]?.s ?? '').toBe('');
    } finally {
      await single.destroy();
    }
  });
});
