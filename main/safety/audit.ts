import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { type AppError, conflict } from '../rpc/app-error';

export interface AuditEntry {
  at: string;
  actor: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  result: string;
}

export interface AuditHead {
  seq: number;
  hash: string;
}

const GENESIS = '0'.repeat(64);

/** The hash of one entry: its number, fields and the previous entry's hash. */
export function entryHash(seq: number, entry: AuditEntry, prevHash: string): string {
  return createHash('sha256')
    .update(
      JSON.stringify([seq, entry.at, entry.actor, entry.action, entry.entity, entry.entityId, entry.result, prevHash]),
    )
    .digest('hex');
}

/** Entries kept in memory while they cannot be written; beyond this, calls on personal data are refused. */
export const AUDIT_QUEUE_LIMIT = 1_000;
/** The longest wait between two attempts while writes fail (the wait doubles up to it). */
const MAX_RETRY_MS = 30_000;

/** What a caller gets when the log cannot be written now (database busy, disk full): it served and changed nothing. */
export function auditUnavailable(): AppError {
  return conflict('The audit log cannot be written', { reason: 'audit_unavailable' });
}

/**
 * Appends entries to the hash-chained audit log. Entries are queued and written a
 * moment later in one transaction, so a burst of reads (search as you type) costs
 * one commit, not one per keystroke. A write that fails (SQLITE_BUSY while another
 * program writes, SQLITE_FULL) leaves its entries at the front of the queue and is
 * tried again, waiting longer each time; entries that come meanwhile queue behind.
 * Each attempt numbers on from the newest entry in the database, so the chain goes
 * on without a gap or a duplicate.
 */
export class AuditLog {
  private readonly queue: AuditEntry[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The last attempt: attempts run one after another, never together. */
  private attempts: Promise<void> = Promise.resolve();
  /** Attempts started and not yet finished. */
  private pending = 0;
  /** Attempts of the timer that failed in a row: the wait before the next one doubles with each. */
  private failures = 0;
  private closed = false;

  constructor(
    private readonly db: Kysely<Database>,
    /** The newest entry as kept outside the database, to catch a cut-off tail or a rewritten chain. */
    private readonly head: { get(): AuditHead | null; set(head: AuditHead): void },
    /** Why a write failed (for the log); its entries stay queued. */
    private readonly onError: (error: unknown) => void,
    private readonly delayMs = 200,
  ) {}

  append(entry: AuditEntry): void {
    if (this.closed) return;
    this.queue.push(entry);
    this.schedule(this.delayMs);
  }

  /**
   * Whether another call may be served: false once AUDIT_QUEUE_LIMIT entries wait
   * to be written. Then it also tries to write now, so the next call is answered as
   * soon as the cause has gone rather than after the back-off.
   */
  hasRoom(): boolean {
    if (this.queue.length < AUDIT_QUEUE_LIMIT) return true;
    if (this.pending === 0) void this.flush().catch(() => undefined);
    return false;
  }

  /** Writes what is queued; calls after this (a window still talking while the app quits) are not logged. */
  async close(): Promise<void> {
    try {
      await this.flush();
    } catch {
      // Already reported; there is nowhere left to keep the entries.
    } finally {
      this.closed = true;
      clearTimeout(this.timer);
    }
  }

  /** Writes everything queued so far; rejects with `auditUnavailable()` when it cannot (the entries stay queued). */
  flush(): Promise<void> {
    return this.attempt(false);
  }

  private attempt(byTimer: boolean): Promise<void> {
    this.pending += 1;
    const attempt = this.attempts.then(() => this.writeQueued(byTimer)).finally(() => (this.pending -= 1));
    this.attempts = attempt.catch(() => undefined);
    return attempt;
  }

  private schedule(ms: number): void {
    if (this.closed || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.attempt(true).catch(() => undefined);
    }, ms);
  }

  private async writeQueued(byTimer: boolean): Promise<void> {
    const batch = this.queue.slice();
    if (batch.length === 0) return;
    let head: AuditHead;
    try {
      head = await this.write(batch);
    } catch (error) {
      this.onError(error);
      if (byTimer) {
        // The next attempt waits twice as long; an entry appended meanwhile does not hurry it.
        this.failures += 1;
        clearTimeout(this.timer);
        this.timer = undefined;
      }
      // A caller's attempt (audit.list, an erasure) tried at once and leaves the timer's pace alone.
      this.schedule(Math.min(this.delayMs * 2 ** this.failures, MAX_RETRY_MS));
      throw auditUnavailable();
    }
    // Written: only now do the entries leave the queue.
    this.queue.splice(0, batch.length);
    this.failures = 0;
    clearTimeout(this.timer);
    this.timer = undefined;
    try {
      this.head.set(head);
    } catch (error) {
      // The entries are in; a head that lags behind still matches its own entry.
      this.onError(error);
    }
    if (this.queue.length > 0) this.schedule(this.delayMs);
  }

  private async write(batch: readonly AuditEntry[]): Promise<AuditHead> {
    return this.db.transaction().execute(async (trx) => {
      const last = await trx
        .selectFrom('audit_log')
        .select(['seq', 'hash'])
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirst();
      // Numbering goes on from the newest entry ever written: entries cut off the end leave a gap the check finds.
      let seq = Math.max(last?.seq ?? 0, this.head.get()?.seq ?? 0);
      let prev = last?.hash ?? GENESIS;
      for (const entry of batch) {
        seq += 1;
        const hash = entryHash(seq, entry, prev);
        await trx
          .insertInto('audit_log')
          .values({
            seq,
            at: entry.at,
            actor: entry.actor,
            action: entry.action,
            entity: entry.entity,
            entity_id: entry.entityId,
            result: entry.result,
            prev_hash: prev,
            hash,
          })
          .execute();
        prev = hash;
      }
      return { seq, hash: prev };
    });
  }
}

export interface AuditCheck {
  entries: number;
  /**
   * First entry whose hash or link does not match, a gap in the numbers, a tail cut
   * off, or a chain computed again (the entry at the head's number is not the head).
   */
  problems: Array<{ seq: number; problem: 'edited' | 'missing' | 'truncated' | 'rewritten' }>;
}

/** Walks the whole chain; `head` is the newest entry as recorded outside the database. */
export async function checkAuditLog(db: Kysely<Database>, head: AuditHead | null): Promise<AuditCheck> {
  const rows = await db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
  const problems: AuditCheck['problems'] = [];
  let prev = GENESIS;
  let expected = 1;
  for (const row of rows) {
    const gap = row.seq !== expected;
    if (gap) problems.push({ seq: expected, problem: 'missing' });
    const entry = {
      at: row.at,
      actor: row.actor,
      action: row.action,
      entity: row.entity,
      entityId: row.entity_id,
      result: row.result,
    };
    // After a gap the link cannot match; the entry's own hash still must.
    if ((!gap && row.prev_hash !== prev) || row.hash !== entryHash(row.seq, entry, row.prev_hash))
      problems.push({ seq: row.seq, problem: 'edited' });
    prev = row.hash;
    expected = row.seq + 1;
  }
  const last = rows.at(-1);
  if (head && (!last || last.seq < head.seq)) problems.push({ seq: (last?.seq ?? 0) + 1, problem: 'truncated' });
  // A chain can be made whole again after a removal (renumbered, hashed anew); the head's own hash cannot.
  const atHead = head && rows.find((row) => row.seq === head.seq);
  if (atHead && atHead.hash !== head.hash && !problems.some((p) => p.seq === head.seq))
    problems.push({ seq: head.seq, problem: 'rewritten' });
  return { entries: rows.length, problems };
}
