import BetterSqlite3 from 'better-sqlite3';
import { Kysely, sql, SqliteDialect } from 'kysely';
import { Migrator, NO_MIGRATIONS } from 'kysely/migration';
import { allowingSchemaEdits, KNOWN_MIGRATIONS, MIGRATION_TABLE } from './migrate';
import { migrationProvider } from './migrations';

/**
 * Whether a database file is one Koers made: its migration history is a start of the
 * migrations this build knows, and its schema (every table, column, index, trigger and
 * view) is exactly what those migrations create. Used on a copy of a backup before it
 * is restored: a newer Koers's file, someone else's database or a file with an added
 * trigger or view is refused before any of its tables is read.
 */
export type SchemaVerdict = { ok: true; migrations: string[] } | { ok: false; problem: 'too_new' | 'not_koers' };

/** `type name on table` → the SQL that made it, normalised. */
type Schema = Map<string, string>;

/** Tables SQLite itself creates for statistics (ANALYZE, PRAGMA optimize): data the planner reads, never code. */
const STATISTICS = /^sqlite_stat[1-4]$/;

/**
 * Spelling that does not change meaning is evened out, so a file made with another
 * Kysely or SQLite version still compares equal: identifier quotes, letter case,
 * white space. String literals are kept exactly as written.
 */
export function normaliseSql(text: string): string {
  return text
    .split(/('(?:[^']|'')*')/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part
            .replace(/["`[\]]/g, '')
            .toLowerCase()
            .replace(/\s+/g, ' ')
            .replace(/ ?([(),;=<>+*/|-]) ?/g, '$1'),
    )
    .join('')
    .trim();
}

async function schemaOf<DB>(db: Kysely<DB>): Promise<Schema> {
  const rows = await sql<{
    type: string;
    name: string;
    tbl_name: string;
    sql: string | null;
  }>`SELECT type, name, tbl_name, sql FROM sqlite_master`.execute(db);
  return new Map(
    rows.rows
      .filter((r) => !(r.type === 'table' && STATISTICS.test(r.name)))
      .map((r) => [`${r.type} ${r.name} on ${r.tbl_name}`, r.sql === null ? '' : normaliseSql(r.sql)]),
  );
}

const references = new Map<number, Promise<Schema>>();

/** The schema the first `count` migrations create, from an empty in-memory database taken through them. */
function reference(count: number): Promise<Schema> {
  let schema = references.get(count);
  if (!schema) {
    schema = (async () => {
      const sqlite = new BetterSqlite3(':memory:');
      const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
      try {
        const { error } = await allowingSchemaEdits(sqlite, () =>
          new Migrator({
            db,
            provider: migrationProvider,
            migrationTableName: MIGRATION_TABLE,
          }).migrateTo(KNOWN_MIGRATIONS[count - 1] ?? NO_MIGRATIONS),
        );
        if (error) throw error;
        return await schemaOf(db);
      } finally {
        await db.destroy();
      }
    })();
    references.set(count, schema);
  }
  return schema;
}

function sameSchema(actual: Schema, expected: Schema): boolean {
  return actual.size === expected.size && [...expected].every(([key, text]) => actual.get(key) === text);
}

export async function checkSchema<DB>(db: Kysely<DB>): Promise<SchemaVerdict> {
  const actual = await schemaOf(db);
  // The history is read only from a table that is exactly Koers's migration table (not a view, not a trap).
  const historyTable = `table ${MIGRATION_TABLE} on ${MIGRATION_TABLE}`;
  const latest = await reference(KNOWN_MIGRATIONS.length);
  if (!actual.has(historyTable) || actual.get(historyTable) !== latest.get(historyTable))
    return { ok: false, problem: 'not_koers' };
  const history = await sql<{ name: string }>`SELECT name FROM ${sql.table(MIGRATION_TABLE)} ORDER BY name`.execute(db);
  const migrations = history.rows.map((r) => r.name);
  const known = migrations.filter((name) => KNOWN_MIGRATIONS.includes(name));
  if (known.length === 0 || known.some((name, i) => KNOWN_MIGRATIONS[i] !== name))
    return { ok: false, problem: 'not_koers' };
  if (known.length < migrations.length) return { ok: false, problem: 'too_new' };
  if (!sameSchema(actual, await reference(migrations.length))) return { ok: false, problem: 'not_koers' };
  return { ok: true, migrations };
}
