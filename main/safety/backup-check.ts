import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { sql } from 'kysely';
import { openConnection } from '../../db/connection';
import { migrateToLatest } from '../../db/migrate';
import { isDatabaseId, writeDatabaseId } from '../../db/queries/meta';
import { checkSchema } from '../../db/schema-check';
import type { BackupProblem } from '../../common/contract/safety';

export interface CheckRequest {
  /** A private copy of the backup: the check may change it. */
  path: string;
  /** The database the backup must belong to; null: any (its id is reported). */
  databaseId: string | null;
  /** Bring the copy up to date with this Koers and give it `databaseId`, ready to put in place. */
  upgrade: boolean;
}

export interface BackupContents {
  clients: number;
  scorings: number;
  notes: number;
}

export type CheckResult =
  | {
      usable: true;
      contents: BackupContents;
      /** Null for a backup made before databases had an id. */
      databaseId: string | null;
      /** Its oldest audit entry: the same entry in a database's own log shows the backup comes from that database. */
      firstAudit: { seq: number; hash: string } | null;
    }
  | { usable: false; problem: BackupProblem };

const HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Marks a copy as a rollback-journal database (header bytes 18 and 19: 1 instead of
 * 2 for WAL). A backup holds no WAL content, so this changes nothing else, and a
 * read-only connection to it then leaves no -wal or -shm file behind.
 */
export function toRollbackJournal(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    const header = Buffer.alloc(20);
    if (
      readSync(fd, header, 0, 20, 0) === 20 &&
      header.subarray(0, 16).equals(HEADER) &&
      header[18] === 2 &&
      header[19] === 2
    )
      writeSync(fd, Buffer.from([1, 1]), 0, 2, 18);
  } finally {
    closeSync(fd);
  }
}

function problemOf(error: unknown): BackupProblem {
  return (error as { code?: string }).code === 'SQLITE_NOTADB' ? 'not_koers' : 'damaged';
}

async function inspect(request: CheckRequest): Promise<CheckResult> {
  toRollbackJournal(request.path);
  const connection = openConnection(request.path, { readonly: true });
  try {
    // The schema first: until it is known to be Koers's own, nothing but sqlite_master is read.
    const schema = await checkSchema(connection.db);
    if (!schema.ok) return { usable: false, problem: schema.problem };
    if (connection.sqlite.pragma('integrity_check', { simple: true }) !== 'ok')
      return { usable: false, problem: 'damaged' };
    const has = (migration: string) => schema.migrations.includes(migration);
    const databaseId = has('0008_database_id')
      ? ((await connection.db.selectFrom('meta').select('value').where('key', '=', 'database_id').executeTakeFirst())
          ?.value ?? null)
      : null;
    if (databaseId !== null && !isDatabaseId(databaseId)) return { usable: false, problem: 'not_koers' };
    if (request.databaseId !== null && databaseId !== null && databaseId !== request.databaseId)
      return { usable: false, problem: 'other_database' };
    const count = async (table: 'client' | 'scoring' | 'note') =>
      Number(
        (
          await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)} WHERE deleted_at IS NULL`.execute(
            connection.db,
          )
        ).rows[0]?.n ?? 0,
      );
    const contents = {
      clients: await count('client'),
      scorings: has('0004_scoring') ? await count('scoring') : 0,
      notes: has('0005_notes') ? await count('note') : 0,
    };
    const firstAudit = has('0007_audit_log')
      ? ((await connection.db
          .selectFrom('audit_log')
          .select(['seq', 'hash'])
          .orderBy('seq')
          .limit(1)
          .executeTakeFirst()) ?? null)
      : null;
    return { usable: true, contents, databaseId, firstAudit };
  } finally {
    await connection.close();
  }
}

/** Brings the checked copy up to date and makes it the database it will replace; leaves it a rollback-journal file. */
async function upgrade(path: string, databaseId: string | null): Promise<void> {
  const connection = openConnection(path);
  try {
    await migrateToLatest(connection);
    if (databaseId !== null) await writeDatabaseId(connection.db, databaseId);
    connection.sqlite.pragma('journal_mode = DELETE');
  } finally {
    await connection.close();
  }
}

/**
 * Checks a private copy of a backup: migration history and schema, integrity, which
 * database it belongs to, what it holds. Runs in a worker (see check-in-worker.ts):
 * a hostile file can cost time, never the main thread.
 */
export async function checkBackupCopy(request: CheckRequest): Promise<CheckResult> {
  try {
    const result = await inspect(request);
    if (result.usable && request.upgrade) await upgrade(request.path, request.databaseId);
    return result;
  } catch (error) {
    return { usable: false, problem: problemOf(error) };
  }
}
