import { type IsolationLevel, type Kysely, sql, type Transaction } from 'kysely';
import { z } from 'zod';
import { PREPARED } from './connect';
import type { ServerDatabase } from './schema';
import type { APP_ROLE } from './security';

/** The OIDC claim value that names an account (account.subject). */
const Subject = z.string().min(1).max(512);

/** The account a transaction runs as, as the database's own identity functions see it. */
export interface Identity {
  subject: string;
  caseworkerId: string;
  teamId: string;
  role: string;
  /** The team's newest row version, as this transaction sees it. */
  teamVersion: number;
}

/**
 * Runs `work` in one transaction as the signed-in user `subject`, with who that is (null: no enabled
 * account). The identity is a transaction-local setting (set_config(…, true)): it ends with the
 * transaction, so a pooled connection never carries it into someone else's work. The policies read
 * it only through the account table (security.ts); an unknown or disabled subject sees nothing.
 *
 * `genericPlans`: PREPARED statements (connect.ts) run with the plan made at their first run on the
 * connection; planning a pull's page under the policies takes longer than running it.
 *
 * `role` is for `team-server demo` only, whose PGlite connection is a superuser: the transaction
 * switches to koers_app (SET LOCAL ROLE, undone at its end) so the policies bind it. The real
 * server connects as koers_app and leaves it out.
 */
export async function asUser<T>(
  db: Kysely<ServerDatabase>,
  subject: string,
  work: (trx: Transaction<ServerDatabase>, me: Identity | null) => Promise<T>,
  options: { isolation?: IsolationLevel; genericPlans?: boolean; role?: typeof APP_ROLE } = {},
): Promise<T> {
  const checked = Subject.parse(subject);
  const transaction = options.isolation ? db.transaction().setIsolationLevel(options.isolation) : db.transaction();
  return transaction.execute(async (trx) => {
    if (options.role) await sql`SET LOCAL ROLE ${sql.id(options.role)}`.execute(trx);
    // Also turns JIT off: the policies' subqueries make PostgreSQL overestimate these short queries,
    // and compiling them (up to seconds for a pull) costs far more than running them (milliseconds).
    const { rows } = await sql<{
      signed_in: string | null;
      caseworker: string | null;
      team: string | null;
      account_role: string | null;
      team_version: number | null;
    }>`${PREPARED} select * from koers_begin_as(${checked}, ${options.genericPlans ?? false})`.execute(trx);
    const found = rows[0];
    const me =
      found?.signed_in && found.caseworker && found.team && found.account_role
        ? {
            subject: found.signed_in,
            caseworkerId: found.caseworker,
            teamId: found.team,
            role: found.account_role,
            teamVersion: Number(found.team_version ?? 0),
          }
        : null;
    return work(trx, me);
  });
}
