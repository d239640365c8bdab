/**
 * Child process of tests/server/app-sync-faults.test.ts: a laptop in a team that writes notes and
 * synchronises, over and over, until the parent kills it with SIGKILL — between a local commit and
 * its push, during a push, during a pull being kept or applied.
 *
 * Usage: node --import tsx tests/helpers/sync-writer.ts <database path> <server url> <token> <client id>
 *
 * Lines on stdout: `committed <note id>` once a note's transaction resolved, `synced` after each
 * complete sync.
 */
import { writeSync } from 'node:fs';
import { openConnection } from '../../db/connection';
import { SYNC_SCHEMA } from '../../db/migrations';
import { insertNote } from '../../db/queries/notes';
import { teamLink } from '../../db/queries/sync-state';
import { syncOnce } from '../../main/sync/engine';
import { createTransport } from '../../main/sync/transport';

/** Synchronous so the line is in the pipe before anything else can happen (such as the kill). */
const report = (line: string): void => {
  writeSync(1, `${line}\n`);
};

async function main(): Promise<void> {
  const [path, serverUrl, token, clientId] = process.argv.slice(2);
  if (!path || !serverUrl || !token || !clientId)
    throw new Error('usage: sync-writer.ts <database path> <server url> <token> <client id>');
  const { db } = openConnection(path);
  const link = await teamLink(db);
  if (!link) throw new Error('the parent joins the database to the team first');
  const transport = createTransport({ serverUrl, token: async () => token, timeoutMs: 10_000 });
  for (let n = 1; n <= 10_000; n++) {
    const at = new Date().toISOString();
    const id = await db.transaction().execute((trx) =>
      insertNote(
        trx,
        {
          clientId,
          householdId: null,
          kind: 'conversation',
          notedAt: at.slice(0, 16),
          body: `Notitie ${n}`,
          pinned: false,
        },
        at,
        link.caseworkerId,
      ),
    );
    report(`committed ${id}`);
    await syncOnce({ db, transport, schema: SYNC_SCHEMA, now: () => new Date() });
    report('synced');
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
