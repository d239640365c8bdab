import { type IsolationLevel, type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import { PREPARED } from '../db/connect';
import { asUser, type Identity } from '../db/identity';
import type { ServerDatabase } from '../db/schema';
import type { APP_ROLE } from '../db/security';

/** Who is calling, as the database's own identity functions see them (never as the request claims). */
export interface Caller extends Identity {
  role: 'caseworker' | 'key_person';
}

export type Trx = Transaction<ServerDatabase>;

/**
 * Runs `work` in one transaction as the member signed in as `subject` (server/db/identity.ts `asUser`);
 * a subject without an enabled account is refused (UnknownUser) before any work.
 */
export type RunAsUser = <T>(
  subject: string,
  work: (trx: Trx, me: Caller) => Promise<T>,
  options?: { isolation?: IsolationLevel; genericPlans?: boolean },
) => Promise<T>;

/** RunAsUser over `db`; `role` as in asUser (the demo only). */
export function runAsMember(db: Kysely<ServerDatabase>, role?: typeof APP_ROLE): RunAsUser {
  return (subject, work, options) => asUser(db, subject, (trx, me) => work(trx, member(me)), { ...options, role });
}

/** A signed-in user the team server does not know (no account, or disabled): refused, nothing done. */
export class UnknownUser extends Error {
  constructor() {
    super('This sign-in is not a member of a team on this server. Ask your key person to add you.');
    this.name = 'UnknownUser';
  }
}

/** Work for the team's key persons asked by someone else (the policies would show her nothing; this says why). */
export class NotKeyPerson extends Error {
  constructor(what: string) {
    super(`Only a key person of the team can ${what}.`);
    this.name = 'NotKeyPerson';
  }
}

/** The caller, who must be one of her team's key persons to do `what`. */
export function keyPerson(me: Caller, what: string): Caller {
  if (me.role !== 'key_person') throw new NotKeyPerson(what);
  return me;
}

function member(me: Identity | null): Caller {
  if (me?.role !== 'caseworker' && me?.role !== 'key_person') throw new UnknownUser();
  return { ...me, role: me.role };
}

export interface AuditEntry {
  action: 'push' | 'pull' | 'export' | 'access-export';
  device: string | null;
  clientIds: readonly string[];
  counts: Record<string, number>;
  outcome: string;
}

/**
 * The insert of one line of the server's audit log: who, which device, which clients, how many —
 * never content. `counted`: more counts (a jsonb object) that the statement it is part of works out.
 */
export function auditLine(me: Caller, entry: AuditEntry, counted: RawBuilder<unknown> = sql`'{}'::jsonb`) {
  return sql`insert into audit_event (subject, caseworker_id, team_id, device, action, client_ids, counts, outcome)
    values (${me.subject}, ${me.caseworkerId}, ${me.teamId}, ${entry.device}, ${entry.action},
            ${sql.val([...entry.clientIds])}, ${JSON.stringify(entry.counts)}::jsonb || ${counted}, ${entry.outcome})`;
}

/** Writes an audit line; `alongside`: a data-changing statement to run in the same round trip (as a CTE). */
export async function recordAudit(
  trx: Trx,
  me: Caller,
  entry: AuditEntry,
  alongside?: RawBuilder<unknown>,
): Promise<void> {
  const line = auditLine(me, entry);
  await (alongside ? sql`${PREPARED} with alongside as (${alongside}) ${line}` : sql`${PREPARED} ${line}`).execute(trx);
}
