import { type IsolationLevel, type RawBuilder, sql, type Transaction } from 'kysely';
import type { ServerDatabase } from '../db/schema';

/** Who is calling, as the database's own identity functions see them (never as the request claims). */
export interface Caller {
  subject: string;
  caseworkerId: string;
  teamId: string;
  role: 'caseworker' | 'key_person';
  /** The team's newest row version, as this transaction sees it. */
  teamVersion: number;
}

export type Trx = Transaction<ServerDatabase>;

/** Runs `work` in one transaction with the caller's identity set for it (server/db/identity.ts `asUser`). */
export type RunAsUser = <T>(
  subject: string,
  work: (trx: Trx) => Promise<T>,
  options?: { isolation?: IsolationLevel },
) => Promise<T>;

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
export async function keyPerson(trx: Trx, what: string): Promise<Caller> {
  const me = await caller(trx);
  if (me.role !== 'key_person') throw new NotKeyPerson(what);
  return me;
}

export async function caller(trx: Trx): Promise<Caller> {
  const { rows } = await sql<{
    subject: string | null;
    caseworker_id: string | null;
    team_id: string | null;
    role: string | null;
    team_version: number | null;
  }>`
    select current_setting('koers.subject', true) as subject, koers_me_caseworker() as caseworker_id,
           koers_me_team() as team_id, koers_me_role() as role,
           (select row_counter from team where id = koers_me_team()) as team_version`.execute(trx);
  const me = rows[0];
  if (!me?.subject || !me.caseworker_id || !me.team_id || (me.role !== 'caseworker' && me.role !== 'key_person'))
    throw new UnknownUser();
  return {
    subject: me.subject,
    caseworkerId: me.caseworker_id,
    teamId: me.team_id,
    role: me.role,
    teamVersion: Number(me.team_version ?? 0),
  };
}

/**
 * The next row version of the caller's team. The team's counter row stays locked until the push
 * commits, so one team's pushes commit in version order and a pull never skips a version.
 */
export async function nextVersion(trx: Trx): Promise<number> {
  const { rows } = await sql<{ version: string }>`select koers_next_row_version() as version`.execute(trx);
  const version = rows[0]?.version;
  if (version === undefined) throw new Error('The team has no version counter.');
  return Number(version);
}

export interface AuditEntry {
  action: 'push' | 'pull' | 'export';
  device: string | null;
  clientIds: readonly string[];
  counts: Record<string, number>;
  outcome: string;
}

/**
 * One line of the server's audit log: who, which device, which clients, how many — never content.
 * `alongside`: a data-changing statement to run in the same round trip (as a CTE).
 */
export async function recordAudit(
  trx: Trx,
  me: Caller,
  entry: AuditEntry,
  alongside?: RawBuilder<unknown>,
): Promise<void> {
  const insert = sql`insert into audit_event (subject, caseworker_id, team_id, device, action, client_ids, counts, outcome)
    values (${me.subject}, ${me.caseworkerId}, ${me.teamId}, ${entry.device}, ${entry.action},
            ${sql.val([...entry.clientIds])}, ${JSON.stringify(entry.counts)}::jsonb, ${entry.outcome})`;
  await (alongside ? sql`with alongside as (${alongside}) ${insert}` : insert).execute(trx);
}
