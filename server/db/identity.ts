import { type IsolationLevel, type Kysely, sql, type Transaction } from 'kysely';
import { z } from 'zod';
import type { ServerDatabase } from './schema';

/** The OIDC claim value that names an account (account.subject). */
const Subject = z.string().min(1).max(512);

/**
 * Runs `work` in one transaction as the signed-in user `subject`. The identity is a
 * transaction-local setting (set_config(…, true)): it ends with the transaction, so a
 * pooled connection never carries it into someone else's work. The policies read it
 * only through the account table (security.ts); an unknown or disabled subject sees nothing.
 */
export async function asUser<T>(
  db: Kysely<ServerDatabase>,
  subject: string,
  work: (trx: Transaction<ServerDatabase>) => Promise<T>,
  options: { isolation?: IsolationLevel } = {},
): Promise<T> {
  const checked = Subject.parse(subject);
  const transaction = options.isolation ? db.transaction().setIsolationLevel(options.isolation) : db.transaction();
  return transaction.execute(async (trx) => {
    // No JIT: the policies' subqueries make PostgreSQL overestimate these short queries, and compiling
    // them (up to seconds for a pull) costs far more than running them (milliseconds).
    await sql`SELECT set_config('koers.subject', ${checked}, true), set_config('jit', 'off', true)`.execute(trx);
    return work(trx);
  });
}
