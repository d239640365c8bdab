import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Kysely } from 'kysely';
import { type Cookie, LIMITS, PROTOCOL_VERSION } from '../../common/sync/protocol';
import type { Database } from '../../db/schema';
import { dropDeletedFromIndex } from '../../db/search/notes';
import { type Applied, applyStaged, finishPull, pullCookie, keepPageEnd, keepRows } from '../../db/queries/sync-pull';
import { batchesApplied, buildBatches, renewDevice, storedBatches } from '../../db/queries/sync-push';
import { type TeamLink, teamLink } from '../../db/queries/sync-state';
import { truncateWalRetrying } from '../../db/wal';
import { SyncError, type Transport } from './transport';

/**
 * One synchronisation of the laptop's copy with the team server: push everything queued, then
 * pull everything new. Pure Node (no Electron): the background scheduler, the command line and
 * the tests all run it.
 */

export interface SyncDeps {
  db: Kysely<Database>;
  transport: Transport;
  /** The newest migration of this database: the schema both sides must share. */
  schema: string;
  now(): Date;
  /** After each applied transaction of a pull: the screens refresh. */
  onApplied?(applied: Applied): void;
}

export interface SyncResult {
  /** Changes the server took in this push. */
  pushed: number;
  /** Pulled changes applied here. */
  pulled: number;
  /** Local changes a newer row from the server replaced, kept in the conflicts inbox. */
  conflicts: number;
  /** Rows were erased or clients revoked, and the write-ahead log could not be emptied yet. */
  erasurePending: boolean;
}

/**
 * How long one transaction of a pull may hold the main process: the window's requests wait
 * meanwhile. The rows per transaction follow from it (a commit costs an fsync, so not fewer
 * than needed); so do a page's rows kept per transaction.
 */
const TRANSACTION_MS = 20;
const FIRST_CHUNK = 250;
/** A batch's JSON stays well inside the server's request limit, with room for a few per request. */
const BATCH_BYTES = 1024 * 1024;
/** Bounds on one sync, far beyond any real one: a loop that runs away stops with an error. */
const MAX_REQUESTS = 10_000;

export async function syncOnce(deps: SyncDeps): Promise<SyncResult> {
  const link = await teamLink(deps.db);
  if (!link) throw new Error('This database is not a copy of a team');
  const { pushed, deviceId } = await pushAll(deps, link);
  return { pushed, ...(await pullAll(deps, deviceId)) };
}

/** Sends stored batches, then new ones from the outbox, until nothing is queued; says under which device id. */
async function pushAll(
  { db, transport, schema }: SyncDeps,
  link: TeamLink,
): Promise<{ pushed: number; deviceId: string }> {
  let deviceId = link.deviceId;
  let renewed = false;
  let pushed = 0;
  for (let request = 0; request < MAX_REQUESTS; request++) {
    let batches = await storedBatches(db, LIMITS.batchesPerPush);
    if (batches.length === 0)
      batches = await buildBatches(db, LIMITS.batchesPerPush, { changes: LIMITS.changesPerBatch, bytes: BATCH_BYTES });
    if (batches.length === 0) return { pushed, deviceId };
    // Whole batches up to the request limit; a stored batch is never split (its number is fixed).
    const sending = [];
    let size = 0;
    for (const batch of batches) {
      const bytes = JSON.stringify(batch.changes).length;
      if (sending.length > 0 && size + bytes > LIMITS.requestBytes / 2) break;
      sending.push(batch);
      size += bytes;
    }
    const answer = await transport.push({
      protocol: PROTOCOL_VERSION,
      schema,
      deviceId,
      batches: sending.map(({ sequence, changes }) => ({ sequence, changes })),
    });
    if (answer.kind === 'update') throw updateNeeded(answer.who);
    const lastSent = sending[sending.length - 1]?.sequence ?? 0;
    if (
      answer.lastSequence > lastSent ||
      (answer.kind === 'gap' && answer.lastSequence + 1 < (sending[0]?.sequence ?? 1))
    ) {
      // The server's count of this device's batches does not fit this database's: a restored
      // backup or a copied file. Going on under a new device id keeps its changes from being
      // taken for ones the server already has (or waiting for ones it lost). Once: a new device
      // the server still miscounts is the server's fault, not this file's.
      if (renewed) throw new SyncError('server', "The server's count of this device's batches cannot be right");
      renewed = true;
      deviceId = `koers-${randomUUID()}`;
      await renewDevice(db, deviceId);
      continue;
    }
    await batchesApplied(db, answer.lastSequence);
    if (answer.kind === 'applied') pushed += answer.changes;
  }
  throw new SyncError('server', 'The push did not finish within its bounds');
}

/** Takes in every page after the copy's cookie, then applies them in small transactions. */
async function pullAll(
  { db, transport, schema, now, onApplied }: SyncDeps,
  deviceId: string,
): Promise<Omit<SyncResult, 'pushed'>> {
  const ask = (cookie: Cookie | null) => {
    const answer = transport.pull({ protocol: PROTOCOL_VERSION, schema, deviceId, cookie });
    // Awaited below; a page asked ahead whose keeping then failed must not surface on its own.
    answer.catch(() => undefined);
    return answer;
  };
  let resets = 0;
  const keeping = chunked();
  let next = ask(await pullCookie(db));
  for (let request = 0; request < MAX_REQUESTS; request++) {
    const answer = await next;
    if (answer.kind === 'update') throw updateNeeded(answer.who);
    if (answer.kind === 'reset') {
      if (++resets > 1) throw new SyncError('server', 'The server asked twice to start the pull over');
      await startOver(db);
      next = ask(null);
      continue;
    }
    // The next page is on its way while this one is kept: the server works while the laptop writes.
    if (answer.more) next = ask(answer.cookie);
    // Reading the answer took its time too: the window's requests go first.
    await letOthersIn();
    for (let i = 0; i < answer.rows.length;) {
      const part = answer.rows.slice(i, i + keeping.size);
      await keeping.timed(() => keepRows(db, part));
      i += part.length;
      await letOthersIn();
    }
    await keepPageEnd(db, answer);
    if (!answer.more) break;
  }
  const result = { pulled: 0, conflicts: 0, erasurePending: false };
  let erased = false;
  const applying = chunked();
  for (let round = 0; round < MAX_REQUESTS * 10; round++) {
    const applied = await applying.timed(() => applyStaged(db, applying.size, now().toISOString()));
    if (applied.rows === 0) break;
    result.pulled += applied.rows;
    result.conflicts += applied.conflicts;
    erased ||= applied.erased;
    onApplied?.(applied);
    await letOthersIn();
  }
  if (erased) {
    // As a local erasure: the words leave the full-text index and the old pages the log.
    await dropDeletedFromIndex(db);
    result.erasurePending = !(await truncateWalRetrying(db));
  }
  await finishPull(db, now().toISOString());
  return result;
}

/** The server no longer knows the cookie (another team, another schema, a restored server): pull from nothing. */
async function startOver(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('sync_inbox').execute();
    await trx.updateTable('sync_state').set({ cookie: null, pending_cookie: null }).execute();
  });
}

/**
 * Rows per transaction, adjusted after each to what fits in TRANSACTION_MS on this machine: a
 * commit costs an fsync, so no smaller than needed.
 */
function chunked() {
  const chunk = {
    size: FIRST_CHUNK,
    async timed<T>(work: () => Promise<T>): Promise<T> {
      const started = performance.now();
      const result = await work();
      const took = Math.max(performance.now() - started, 1);
      // Grows by half at most: one quick transaction says little about the next.
      chunk.size = Math.round(Math.min(5_000, Math.max(50, chunk.size * Math.min(1.5, TRANSACTION_MS / took))));
      return result;
    },
  };
  return chunk;
}

/** Lets the window's requests in between two transactions. */
function letOthersIn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function updateNeeded(who: 'app' | 'server'): SyncError {
  return who === 'app'
    ? new SyncError('update-app', 'The team server needs a newer Koers')
    : new SyncError('update-server', 'The team server needs an update for this Koers');
}
