import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYNCED_TABLES } from '../../common/sync/tables';
import { openConnection } from '../../db/connection';
import { KNOWN_MIGRATIONS, migrateToLatest } from '../../db/migrate';
import { connect } from '../../server/db/connect';
import { KNOWN_SERVER_MIGRATIONS, migrateDatabase } from '../../server/db/migrate';
import { tempFolder } from '../helpers/temp';
import { freshDatabase } from './databases';
import { startPostgres, type TestPostgres } from './postgres';

/** Columns only the server has on a synced table. */
const SERVER_ONLY = ['row_version', 'team_id'];
/** SQLite's declared type → PostgreSQL's: text stays text, dates included. */
const TYPES: Record<string, string> = { TEXT: 'text', INTEGER: 'integer', REAL: 'double precision' };

describe('the synced tables have the same columns in the app and on the server', () => {
  let postgres: TestPostgres;
  let temp: ReturnType<typeof tempFolder>;
  const app = new Map<string, Map<string, string>>();
  const server = new Map<string, Map<string, string>>();

  beforeAll(async () => {
    temp = tempFolder();
    postgres = await startPostgres();
    const sqlite = openConnection(join(temp.path, 'koers.sqlite'));
    try {
      await migrateToLatest(sqlite);
      for (const { name } of SYNCED_TABLES) {
        const rows = await sql<{
          name: string;
          type: string;
        }>`SELECT name, type FROM pragma_table_info(${name})`.execute(sqlite.db);
        app.set(name, new Map(rows.rows.map((r) => [r.name, TYPES[r.type.toUpperCase()] ?? r.type])));
      }
    } finally {
      await sqlite.close();
    }
    const url = await freshDatabase(postgres, 'parity');
    await migrateDatabase(url);
    const db = connect(url, { max: 1 });
    try {
      for (const { name } of SYNCED_TABLES) {
        const rows = await sql<{ name: string; type: string }>`
          SELECT column_name AS name, data_type AS type FROM information_schema.columns
          WHERE table_schema = 'public' AND table_name = ${name}`.execute(db);
        server.set(name, new Map(rows.rows.map((r) => [r.name, r.type])));
      }
    } finally {
      await db.destroy();
    }
  });
  afterAll(async () => {
    await postgres?.stop();
    temp?.cleanup();
  });

  it('has the app migrations under the same names, after the server’s own first one', () => {
    expect(KNOWN_SERVER_MIGRATIONS).toEqual(['0000_team_server', ...KNOWN_MIGRATIONS]);
  });

  it.each(SYNCED_TABLES.map((t) => t.name))('%s', (name) => {
    const appColumns = app.get(name) ?? new Map<string, string>();
    const serverColumns = server.get(name) ?? new Map<string, string>();
    expect(appColumns.size).toBeGreaterThan(0);
    expect([...serverColumns.keys()].sort()).toEqual([...appColumns.keys(), ...SERVER_ONLY].sort());
    for (const [column, type] of appColumns) expect(serverColumns.get(column), column).toBe(type);
  });

  it('keys every synced table on the server as the shared list says', async () => {
    const url = postgres.url('koers_owner', 'parity');
    const db = connect(url, { max: 1 });
    try {
      for (const { name, key } of SYNCED_TABLES) {
        const rows = await sql<{ column: string }>`
          SELECT a.attname AS column FROM pg_index i
          JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
          WHERE i.indrelid = ${name}::regclass AND i.indisprimary`.execute(db);
        expect(rows.rows.map((r) => r.column).sort(), name).toEqual([...key].sort());
      }
    } finally {
      await db.destroy();
    }
  });
});
