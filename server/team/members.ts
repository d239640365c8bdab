import { sql } from 'kysely';
import type { Member, MemberRequest, WhoAmI } from '../../common/sync/protocol';
import { keyPerson, type RunAsUser } from '../sync/session';

/** Why a membership change was refused, for the HTTP layer to answer. */
export class MembershipRefused extends Error {
  constructor(
    readonly reason: 'unknown-caseworker' | 'other-team',
    message: string,
  ) {
    super(message);
    this.name = 'MembershipRefused';
  }
}

/** The team's accounts as the caller may see them (a key person: all; a caseworker: her own). */
export async function listMembers(runAsUser: RunAsUser, subject: string): Promise<Member[]> {
  // A subject without an account is refused by runAsUser; the policy shows a caseworker her own.
  return runAsUser(subject, async (trx) => {
    const { rows } = await sql<{ subject: string; caseworker_id: string; role: Member['role']; disabled: boolean }>`
      select subject, caseworker_id, role, disabled_at is not null as disabled from account order by subject`.execute(
      trx,
    );
    return rows.map((r) => ({ subject: r.subject, caseworkerId: r.caseworker_id, role: r.role, disabled: r.disabled }));
  });
}

/**
 * Adds or changes a member of the caller's team (key persons only: the policy refuses others). The
 * caseworker must be one of the team's (synced in by a push first); an account of another team is
 * not taken over.
 */
export async function putMember(runAsUser: RunAsUser, subject: string, wanted: MemberRequest): Promise<Member> {
  return runAsUser(subject, async (trx, caller) => {
    const me = keyPerson(caller, 'manage its members');
    const known = await sql`select 1 from caseworker where id = ${wanted.caseworkerId} and deleted_at is null`.execute(
      trx,
    );
    if (known.rows.length === 0)
      throw new MembershipRefused(
        'unknown-caseworker',
        'That caseworker is not (yet) on the team server: synchronise first.',
      );
    const taken = await sql<{ team_id: string }>`select koers_account_team(${wanted.subject}) as team_id`.execute(trx);
    const team = taken.rows[0]?.team_id;
    if (team && team !== me.teamId)
      throw new MembershipRefused('other-team', 'This sign-in belongs to another team; its key person can release it.');
    await sql`insert into account (subject, caseworker_id, team_id, role) values
      (${wanted.subject}, ${wanted.caseworkerId}, ${me.teamId}, ${wanted.role})
      on conflict (subject) do update set caseworker_id = excluded.caseworker_id, role = excluded.role, disabled_at = null`.execute(
      trx,
    );
    return { ...wanted, disabled: false };
  });
}

/** Ends a member's access (kept, disabled: the audit log still names the account). */
export async function disableMember(runAsUser: RunAsUser, subject: string, member: string): Promise<boolean> {
  return runAsUser(subject, async (trx, me) => {
    keyPerson(me, 'manage its members');
    const done =
      await sql`update account set disabled_at = now() where subject = ${member} and disabled_at is null`.execute(trx);
    return Number(done.numAffectedRows ?? 0) > 0;
  });
}

/** The caller's caseworker, team and role, as the server knows them. */
export async function whoAmI(runAsUser: RunAsUser, subject: string, schema: string): Promise<WhoAmI> {
  return runAsUser(subject, async (trx, me) => {
    const team = await sql<{ name: string }>`select name from team where id = ${me.teamId}`.execute(trx);
    return {
      caseworkerId: me.caseworkerId,
      teamId: me.teamId,
      teamName: team.rows[0]?.name ?? '',
      role: me.role,
      schema,
    };
  });
}
