import { type Kysely, sql } from 'kysely';
import type { ServerDatabase } from './schema';

/** The server's database role could get around the row-level security: it must not start. */
export class UnsafeRoleError extends Error {
  constructor(
    readonly role: string,
    readonly problems: string[],
  ) {
    super(
      `The team server connects as ${role}, which could bypass the team rules: ${problems.join('; ')}. ` +
        'Connect as the application role made by `team-server migrate` (koers_app).',
    );
    this.name = 'UnsafeRoleError';
  }
}

interface RoleFacts {
  role: string;
  superuser: boolean;
  bypass: string[];
  owned: string[];
  unforced: string[];
}

/**
 * Refuses (throws UnsafeRoleError) when the connected role is a superuser, has or can
 * take on (by membership) BYPASSRLS or superuser, owns or can act as the owner of any
 * table, or when a table lacks enabled and forced row-level security.
 */
export async function checkServerRole(db: Kysely<ServerDatabase>): Promise<void> {
  const { rows } = await sql<RoleFacts>`
    SELECT current_user::text AS role,
      (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
      ARRAY(SELECT rolname::text FROM pg_roles
            WHERE (rolsuper OR rolbypassrls) AND pg_has_role(current_user, oid, 'MEMBER')) AS bypass,
      ARRAY(SELECT relname::text FROM pg_class
            WHERE relkind IN ('r', 'p') AND relnamespace = 'public'::regnamespace
              AND pg_has_role(current_user, relowner, 'MEMBER') ORDER BY relname) AS owned,
      ARRAY(SELECT relname::text FROM pg_class
            WHERE relkind IN ('r', 'p') AND relnamespace = 'public'::regnamespace
              AND NOT (relrowsecurity AND relforcerowsecurity) ORDER BY relname) AS unforced`.execute(db);
  const facts = rows[0];
  if (!facts) throw new Error('the database did not describe the connected role');
  // A superuser can do anything; the rest would only repeat it.
  if (facts.superuser) throw new UnsafeRoleError(facts.role, ['it is a superuser']);
  const problems: string[] = [];
  const others = facts.bypass.filter((name) => name !== facts.role);
  if (facts.bypass.includes(facts.role)) problems.push('it has BYPASSRLS');
  if (others.length > 0) problems.push(`it can act as ${others.join(', ')} (superuser or BYPASSRLS)`);
  if (facts.owned.length > 0) problems.push(`it owns (or can act as the owner of) ${facts.owned.join(', ')}`);
  if (facts.unforced.length > 0) problems.push(`row-level security is not forced on ${facts.unforced.join(', ')}`);
  if (problems.length > 0) throw new UnsafeRoleError(facts.role, problems);
}
