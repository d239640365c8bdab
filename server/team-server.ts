import { type Kysely, sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { PullRequest, PushRequest } from '../common/sync/protocol';
import { errorCode } from './db/errors';
import { asUser } from './db/identity';
import { KNOWN_SERVER_MIGRATIONS } from './db/migrate';
import { checkServerRole } from './db/role-check';
import type { ServerDatabase } from './db/schema';
import { APP_ROLE, securityFingerprint } from './db/security';
import { buildHttp, type HttpOptions, Refused, userTag } from './http/app';
import { bearerToken, type TokenVerifier, TokenRefused } from './identity/verify';
import { ClientNotFound, accessExport } from './sync/access-export';
import { exportAudit } from './sync/audit';
import { readTableColumns } from './sync/columns';
import { pull } from './sync/pull';
import { MalformedChange, push } from './sync/push';
import { NotKeyPerson, type RunAsUser, runAsMember, UnknownUser } from './sync/session';
import { disableMember, listMembers, MembershipRefused, putMember, whoAmI } from './team/members';

/** The newest migration: the schema the synced tables are in, which a laptop must share. */
export const SERVER_SCHEMA = KNOWN_SERVER_MIGRATIONS[KNOWN_SERVER_MIGRATIONS.length - 1] ?? '';

/** A laptop on another schema is told who has to update; nothing is exchanged. */
function schemaMismatch(schema: string) {
  if (schema === SERVER_SCHEMA) return null;
  return { kind: 'update', who: schema < SERVER_SCHEMA ? 'app' : 'server' } as const;
}

export class DatabaseNotMigrated extends Error {
  constructor(missing: readonly string[]) {
    super(
      `The database lacks updates ${missing.join(', ')}: run "team-server migrate" with the owner's account first.`,
    );
    this.name = 'DatabaseNotMigrated';
  }
}

/** The database's policies and functions are not the ones this server declares (server/db/security.ts). */
export class RulesOutdated extends Error {
  constructor() {
    super(
      'The database\'s rules (policies and functions) are not those of this version of the team server: run "team-server migrate" with the owner\'s account first.',
    );
    this.name = 'RulesOutdated';
  }
}

/** Whether `migrate` last applied the rules this server declares (false before the first, or by an older server). */
async function rulesCurrent(db: Kysely<ServerDatabase>): Promise<boolean> {
  try {
    const { rows } = await sql<{ fingerprint: string }>`select koers_security_fingerprint() as fingerprint`.execute(db);
    return rows[0]?.fingerprint === securityFingerprint(db);
  } catch (error) {
    if (errorCode(error) === '42883') return false;
    throw error;
  }
}

/** What `migrate` applied, read through koers_applied_migrations() (security.ts): nothing before the first migrate. */
async function appliedMigrations(db: Kysely<ServerDatabase>): Promise<Set<string>> {
  try {
    const done = await sql<{ name: string }>`select koers_applied_migrations() as name`.execute(db);
    return new Set(done.rows.map((r) => r.name));
  } catch (error) {
    // A database migrated before the function existed (42883), or never (42P01), is not up to date either.
    if (['42883', '42P01'].includes(errorCode(error))) return new Set();
    throw error;
  }
}

/**
 * The team server's parts over one database: refuses to run as a role that could bypass the
 * policies or on a database that is not up to date; then push, pull, the audit export and health over HTTP.
 */
export async function createTeamServer(
  db: Kysely<ServerDatabase>,
  verify: TokenVerifier,
  options: HttpOptions = {},
): Promise<FastifyInstance> {
  await checkServerRole(db);
  return serve(db, verify, options, runAsMember(db));
}

/**
 * For `team-server demo` only, over PGlite, whose one connection is a superuser (which the role
 * check above refuses): every request's transaction switches to koers_app first. Instead of the
 * connection, the role check is made on such a transaction, so the policies are known to bind it.
 */
export async function createDemoTeamServerSwitchingRole(
  db: Kysely<ServerDatabase>,
  verify: TokenVerifier,
  options: HttpOptions = {},
): Promise<FastifyInstance> {
  await asUser(db, 'demo-role-check', (trx) => checkServerRole(trx), { role: APP_ROLE });
  return serve(db, verify, options, runAsMember(db, APP_ROLE));
}

async function serve(
  db: Kysely<ServerDatabase>,
  verify: TokenVerifier,
  options: HttpOptions,
  runAsUser: RunAsUser,
): Promise<FastifyInstance> {
  const executed = await appliedMigrations(db);
  const missing = KNOWN_SERVER_MIGRATIONS.filter((name) => !executed.has(name));
  if (missing.length > 0) throw new DatabaseNotMigrated(missing);
  if (!(await rulesCurrent(db))) throw new RulesOutdated();
  const columns = await readTableColumns(db);

  const refusing = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof UnknownUser) throw new Refused(403, 'forbidden', error.message, 'no-account');
      if (error instanceof NotKeyPerson) throw new Refused(403, 'forbidden', error.message, 'not-key-person');
      if (error instanceof MalformedChange) throw new Refused(400, 'malformed', error.message, 'row-shape');
      if (error instanceof MembershipRefused) throw new Refused(409, 'conflict', error.message, error.reason);
      if (error instanceof ClientNotFound) throw new Refused(404, 'not-found', error.message, 'no-client');
      throw error;
    }
  };

  return buildHttp(
    {
      schema: SERVER_SCHEMA,
      async authenticate(header) {
        try {
          return (await verify(bearerToken(header))).subject;
        } catch (error) {
          if (!(error instanceof TokenRefused)) throw error;
          if (error.reason === 'unavailable')
            throw new Refused(
              503,
              'unavailable',
              'The sign-in service cannot be reached; try again shortly.',
              error.reason,
            );
          throw new Refused(401, 'unauthorised', `Sign in again (${error.reason}).`, error.reason);
        }
      },
      push: (subject, request: PushRequest) =>
        refusing(async () => schemaMismatch(request.schema) ?? push(runAsUser, columns, subject, request)),
      pull: (subject, request: PullRequest) =>
        refusing(async () => schemaMismatch(request.schema) ?? pull(runAsUser, SERVER_SCHEMA, subject, request)),
      whoAmI: (subject) => refusing(() => whoAmI(runAsUser, subject, SERVER_SCHEMA)),
      members: {
        list: (subject) => refusing(() => listMembers(runAsUser, subject)),
        put: (subject, wanted) => refusing(() => putMember(runAsUser, subject, wanted)),
        disable: (subject, member) => refusing(() => disableMember(runAsUser, subject, member)),
      },
      audit: (subject, query) => refusing(() => exportAudit(runAsUser, subject, query, userTag)),
      accessExport: (subject, request) => refusing(() => accessExport(runAsUser, subject, request, userTag)),
      async healthy() {
        await sql`select 1`.execute(db);
        return true;
      },
    },
    options,
  );
}
