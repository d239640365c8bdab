import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

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
  return createHash('sha256').update(JSON.stringify([seq, entry.at, entry.actor, entry.action, entry.entity, entry.entityId, entry.result, prevHash])).digest('hex');
}

/**
 * Appends entries to the hash-chained audit log. Entries are queued and written a
 * moment later in one transaction, so a burst of reads (search as you type) costs
 * one commit, not one per keystroke. `flush` writes what is queued now.
 */
export class AuditLog {
  private queue: AuditEntry[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private writing: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly db: Kysely<Database>,
    /** The newest entry as kept outside the database, to catch a cut-off tail. */
    private readonly head: { get(): AuditHead | null; set(head: AuditHead): void },
    /** A write that failed in the background (it is not retried: the caller's work is done). */
    private readonly onError: (error: unknown) => void,
    private readonly delayMs = 200,
  ) {}

  append(entry: AuditEntry): void {
    if (this.closed) return;
    this.queue.push(entry);
    this.timer ??= setTimeout(() => void this.flush().catch(this.onError), this.delayMs);
  }

  /** Writes what is queued; later calls (a window still talking while the app quits) are not logged. */
  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
  }

  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.queue;
    this.queue = [];
    this.writing = this.writing.then(() => (batch.length > 0 ? this.write(batch) : undefined));
    return this.writing;
  }

  private async write(batch: readonly AuditEntry[]): Promise<void> {
    const head = await this.db.transaction().execute(async (trx) => {
      const last = await trx.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
      // Numbering goes on from the newest entry ever written: entries cut off the end leave a gap the check finds.
      let seq = Math.max(last?.seq ?? 0, this.head.get()?.seq ?? 0);
      let prev = last?.hash ?? GENESIS;
      for (const entry of batch) {
        seq += 1;
        const hash = entryHash(seq, entry, prev);
        await trx
          .insertInto('audit_log')
          .values({ seq, at: entry.at, actor: entry.actor, action: entry.action, entity: entry.entity, entity_id: entry.entityId, result: entry.result, prev_hash: prev, hash })
          .execute();
        prev = hash;
      }
      return { seq, hash: prev };
    });
    this.head.set(head);
  }
}

export interface AuditCheck {
  entries: number;
  /** First entry whose hash or link does not match, a gap in the numbers, or a tail cut off. */
  problems: Array<{ seq: number; problem: 'edited' | 'missing' | 'truncated' }>;
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
    const entry = { at: row.at, actor: row.actor, action: row.action, entity: row.entity, entityId: row.entity_id, result: row.result };
    // After a gap the link cannot match; the entry's own hash still must.
    if ((!gap && row.prev_hash !== prev) || row.hash !== entryHash(row.seq, entry, row.prev_hash)) problems.push({ seq: row.seq, problem: 'edited' });
    prev = row.hash;
    expected = row.seq + 1;
  }
  const last = rows.at(-1);
  if (head && (!last || last.seq < head.seq)) problems.push({ seq: (last?.seq ?? 0) + 1, problem: 'truncated' });
  return { entries: rows.length, problems };
}
