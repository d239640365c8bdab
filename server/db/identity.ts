import { type IsolationLevel, type Kysely, sql, type Transaction } from 'kysely';
import { z } from 'zod';
import type { ServerDatabase } from './schema';
import type { APP_ROLE } from './security';

/** The OIDC claim value that names an account (account.subject). */
const Subject = z.string().min(1).max(512);

/**
 * Runs `work` in one transaction as the signed-in user `subject`. The identity is a
 * transaction-local setting (set_config(…, true)): it ends with the transaction, so a
 * pooled connection never carries it into someone else's work. The policies read it
 * only through the account table (security.ts); an unknown or disabled subject sees nothing.
 *
 * `role` is for `team-server demo` only, whose PGlite connection is a superuser: the transaction
 * switches to koers_app (SET LOCAL ROLE, undone at its end) so the policies bind it. The real
 * server connects as koers_app and leaves it out.
 */
export async function asUser<T>(
  db: Kysely<ServerDatabase>,
  subject: string,
  work: (trx: Transaction<ServerDatabase>) => Promise<T>,
  options: { isolation?: IsolationLevel; role?: typeof APP_ROLE } = {},
): Promise<T> {
  const checked = Subject.parse(subject);
  const transaction = options.isolation ? db.transaction().setIsolationLevel(options.isolation) : db.transaction();
  return transaction.execute(async (trx) => {
    if (options.role) await sql`SET LOCAL ROLE ${sql.id(options.role)}`.execute(trx);
    // No JIT: the policies' subqueries make PostgreSQL overestimate these short queries, and compiling
    // them (up to seconds for a pull) costs far more than running them (milliseconds).
    await sql`SELECT set_config('koers.subject', ${checked}, true), set_config('jit', 'off', true)`.execute(trx);
    return work(trx);
  });
}
