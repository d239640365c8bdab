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

const CALLERS: readonly Caller[] = [
  { label: 'caseworker', subject: PEOPLE.caseworkerA.subject, person: PEOPLE.caseworkerA },
  { label: 'key person', subject: PEOPLE.keyPersonA.subject, person: PEOPLE.keyPersonA },
  { label: "other team's caseworker", subject: PEOPLE.caseworkerB.subject, person: PEOPLE.caseworkerB },
  { label: 'unknown subject', subject: 'nobody-we-know', person: null },
  { label: 'no identity', subject: null, person: null },
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
  return owner === p.caseworker || (isKeyPerson(p) && ASSIGNABLE.has(table));
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
});
