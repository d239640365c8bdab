/**
 * Child process of tests/unit/crash-safety.test.ts: writes random transactions through the
 * real data layer until the parent kills it with SIGKILL.
 *
 * Usage: node --import tsx tests/helpers/crash-writer.ts <database path> <seed>
 *
 * Every transaction writes one group of rows that must appear together, each row carrying
 * the group's tag `[T-<seed>-<n>]`:
 *   - a client whose reference is `[tag] rows=<R>`, R being the number of tagged rows below;
 *   - 1–8 to-dos whose title contains the tag;
 *   - maybe a note on the client, body `note [tag]`;
 *   - maybe an edit of an earlier note to body `edit [tag]` (its old body moves to note_version,
 *     so every note or edit tag stays in exactly one row of note ∪ note_version);
 *   - maybe a rename of an earlier client, appending ` [tag]` to its last name (appending, so a
 *     later rename never erases the evidence).
 * Lines on stdout: `begin <tag>` before the transaction, `committed <tag> <R>` after it resolved.
 */
import { writeSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { openConnection } from '../../db/connection';
import { insertAction } from '../../db/queries/actions';
import { listCaseworkers } from '../../db/queries/caseworkers';
import { getClient, insertClient, updateClientFacts } from '../../db/queries/clients';
import { getNote, insertNote, updateNote } from '../../db/queries/notes';
import { prng } from './prng';

/** Synchronous so the line is in the pipe before anything else can happen (such as the kill). */
const report = (line: string): void => {
  writeSync(1, `${line}\n`);
};

async function main(): Promise<void> {
  const [path, seedText] = process.argv.slice(2);
  if (!path || !seedText || !/^\d+$/.test(seedText)) throw new Error('usage: crash-writer.ts <database path> <seed>');
  const seed = Number(seedText);
  const random = prng(seed);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));

  const { db } = openConnection(path);
  const [worker] = await listCaseworkers(db);
  if (!worker) throw new Error('the parent creates one caseworker before starting the writer');

  // Earlier rounds' rows, so updates also touch rows this process did not write itself.
  const clientIds = (await db.selectFrom('client').select('id').execute()).map((r) => r.id);
  const noteIds = (await db.selectFrom('note').select('id').execute()).map((r) => r.id);
  const pick = (ids: string[]): string | undefined => (ids.length > 0 ? ids[int(0, ids.length - 1)] : undefined);

  for (let n = 1; ; n++) {
    const tag = `[T-${seed}-${n}]`;
    const todos = int(1, 8);
    const withNote = random() < 0.5;
    const editId = random() < 0.4 ? pick(noteIds) : undefined;
    const renameId = random() < 0.4 ? pick(clientIds) : undefined;
    const rows = 1 + todos + (withNote ? 1 : 0) + (editId ? 1 : 0) + (renameId ? 1 : 0);
    // Short pauses inside the transaction keep it open across event-loop turns, as a real
    // handler awaiting other work would, so kills also land between statements.
    const pause = () => (random() < 0.3 ? sleep(int(0, 3)) : Promise.resolve());
    const at = new Date().toISOString();

    report(`begin ${tag}`);
    const created = await db.transaction().execute(async (trx) => {
      const clientId = await insertClient(
        trx,
        {
          firstName: 'Crash',
          lastName: 'Group',
          reference: `${tag} rows=${rows}`,
          dateOfBirth: null,
          phone: null,
          email: null,
          targetGroupId: null,
          householdId: null,
          startDate: at.slice(0, 10),
          stageId: null,
          caseworkerId: worker.id,
        },
        at,
        worker.id,
      );
      for (let i = 1; i <= todos; i++) {
        await pause();
        await insertAction(
          trx,
          { clientId, title: `to-do ${i}/${todos} ${tag}`, kind: 'task', dueDate: at.slice(0, 10), dueTime: null },
          at,
          worker.id,
        );
      }
      let noteId: string | undefined;
      if (withNote) {
        await pause();
        noteId = await insertNote(
          trx,
          {
            clientId,
            householdId: null,
            kind: 'conversation',
            notedAt: at.slice(0, 16),
            body: `note ${tag}`,
            pinned: false,
          },
          at,
          worker.id,
        );
      }
      if (editId) {
        await pause();
        const old = await getNote(trx, editId);
        if (!old) throw new Error(`note ${editId} vanished`);
        await updateNote(
          trx,
          editId,
          { kind: old.kind, notedAt: old.notedAt, body: `edit ${tag}`, pinned: old.pinned },
          at,
          worker.id,
        );
      }
      if (renameId) {
        await pause();
        const old = await getClient(trx, renameId);
        if (!old) throw new Error(`client ${renameId} vanished`);
        await updateClientFacts(trx, renameId, { ...old, lastName: `${old.lastName} ${tag}` }, at, worker.id);
      }
      return { clientId, noteId };
    });
    // Only now is the group durable (synchronous=FULL fsyncs at COMMIT): report it.
    report(`committed ${tag} ${rows}`);
    clientIds.push(created.clientId);
    if (created.noteId) noteIds.push(created.noteId);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`crash-writer: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
