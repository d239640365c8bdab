import type { Kysely } from 'kysely';
import type { Change } from '../../common/sync/protocol';
import type { SyncedTableName } from '../../common/sync/tables';
import type { Database } from '../schema';
import { settleChanges } from './outbox';
import { keyText, parseKey, readRow } from './sync-rows';

/**
 * The push side of the laptop's copy: numbered batches built from the outbox and stored before
 * they are sent, so one sent but not answered (the network dropped, Koers was killed) goes again
 * under the same number, and the server applies it once.
 */

export interface StoredBatch {
  sequence: number;
  changes: Change[];
  taken: { seq: number; touched: number }[];
}

/** Batches built but not yet applied by the server, oldest first. */
export async function storedBatches(db: Kysely<Database>, limit: number): Promise<StoredBatch[]> {
  const rows = await db.selectFrom('sync_batch').selectAll().orderBy('sequence').limit(limit).execute();
  return rows.map((r) => ({
    sequence: r.sequence,
    changes: JSON.parse(r.changes) as Change[],
    taken: JSON.parse(r.taken) as StoredBatch['taken'],
  }));
}

/**
 * Builds up to `count` batches from the outbox (none while built ones wait to be applied), in the order of the changes, and stores them with
 * the next numbers; a batch ends at `limits.changes` changes or once it holds `limits.bytes` of
 * JSON, so a request of long notes stays within the server's size limit. Each change carries the
 * row as it is now (gone: an erasure) and the server's version last pulled of it. A row this
 * laptop pushed whose version the pull has not brought back yet waits: sent now, it would carry a
 * base older than its own last push and come back as a conflict with itself.
 */
export async function buildBatches(
  db: Kysely<Database>,
  count: number,
  limits: { changes: number; bytes: number },
): Promise<StoredBatch[]> {
  return db.transaction().execute(async (trx) => {
    // The outbox entries of waiting batches are still queued: those batches go first, as they are.
    if (await trx.selectFrom('sync_batch').select('sequence').limit(1).executeTakeFirst()) return [];
    const queued = await trx
      .selectFrom('sync_outbox as o')
      .leftJoin('sync_seen as s', (join) =>
        join.onRef('s.table_name', '=', 'o.table_name').onRef('s.row_key', '=', 'o.row_key'),
      )
      .select(['o.seq', 'o.table_name', 'o.row_key', 'o.touched', 's.version'])
      .where('s.pushed', 'is', null)
      .orderBy('o.seq')
      .limit(count * limits.changes)
      .execute();
    if (queued.length === 0) return [];
    const state = await trx.selectFrom('sync_state').select('next_sequence').executeTakeFirstOrThrow();
    const batches: StoredBatch[] = [];
    let current: StoredBatch | null = null;
    let bytes = 0;
    for (const entry of queued) {
      const table = entry.table_name as SyncedTableName;
      const key = parseKey(entry.row_key);
      const row = await readRow(trx, table, key);
      const baseVersion = entry.version ? entry.version : null;
      const change: Change = row
        ? { table, op: 'put', row, baseVersion }
        : { table, op: 'delete', row: key, baseVersion: null };
      const size = JSON.stringify(change).length;
      if (!current || current.changes.length >= limits.changes || (bytes + size > limits.bytes && bytes > 0)) {
        if (batches.length === count) break;
        current = { sequence: state.next_sequence + batches.length, changes: [], taken: [] };
        batches.push(current);
        bytes = 0;
      }
      current.changes.push(change);
      current.taken.push({ seq: entry.seq, touched: entry.touched });
      bytes += size;
    }
    for (const batch of batches) batch.changes = handoversLast(batch.changes);
    await trx
      .insertInto('sync_batch')
      .values(
        batches.map((b) => ({
          sequence: b.sequence,
          changes: JSON.stringify(b.changes),
          taken: JSON.stringify(b.taken),
        })),
      )
      .execute();
    await trx
      .updateTable('sync_state')
      .set({ next_sequence: state.next_sequence + batches.length })
      .execute();
    return batches;
  });
}

/**
 * Clients the server has already go after the batch's other changes: a client handed over is no
 * longer this caseworker's to write, so the handover record and last notes must arrive first. A
 * new client stays first, before the rows that hang on it.
 */
function handoversLast(changes: Change[]): Change[] {
  const known = (c: Change) => c.table === 'client' && c.baseVersion !== null;
  return [...changes.filter((c) => !known(c)), ...changes.filter(known)];
}

/**
 * The server has applied every batch up to `last`: their outbox entries are settled (one changed
 * again since stays queued) and what they put is remembered until the pull brings it back.
 */
export async function batchesApplied(db: Kysely<Database>, last: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const done = await trx.selectFrom('sync_batch').selectAll().where('sequence', '<=', last).execute();
    for (const batch of done) {
      for (const change of JSON.parse(batch.changes) as Change[]) {
        const key = keyText(change.table, change.row);
        if (change.op === 'delete') {
          await trx.deleteFrom('sync_seen').where('table_name', '=', change.table).where('row_key', '=', key).execute();
          continue;
        }
        await trx
          .insertInto('sync_seen')
          .values({ table_name: change.table, row_key: key, version: 0, pushed: JSON.stringify(change.row) })
          .onConflict((oc) => oc.columns(['table_name', 'row_key']).doUpdateSet({ pushed: JSON.stringify(change.row) }))
          .execute();
      }
      await settleChanges(trx, JSON.parse(batch.taken) as StoredBatch['taken']);
    }
    await trx.deleteFrom('sync_batch').where('sequence', '<=', last).execute();
  });
}

/**
 * The server knows later batches from this device than this database sent: the file is a restored
 * backup or a copy. It goes on as a new device, numbering from 1 again, so its changes are not
 * taken for ones the server already has.
 */
export async function renewDevice(db: Kysely<Database>, deviceId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const batches = await trx.selectFrom('sync_batch').select('sequence').orderBy('sequence').execute();
    // Two passes: the new numbers may overlap the old ones.
    for (const [i, b] of batches.entries())
      await trx
        .updateTable('sync_batch')
        .set({ sequence: -(i + 1) })
        .where('sequence', '=', b.sequence)
        .execute();
    await trx
      .updateTable('sync_batch')
      .set((eb) => ({ sequence: eb.neg(eb.ref('sequence')) }))
      .execute();
    await trx
      .updateTable('sync_state')
      .set({ device_id: deviceId, next_sequence: batches.length + 1 })
      .execute();
  });
}
