import { type Kysely, sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { PullRequest, PushRequest } from '../common/sync/protocol';
import { asUser } from './db/identity';
import { KNOWN_SERVER_MIGRATIONS } from './db/migrate';
import { checkServerRole } from './db/role-check';
import type { ServerDatabase } from './db/schema';
import { buildHttp, type HttpOptions, Refused } from './http/app';
import { bearerToken, type TokenVerifier, TokenRefused } from './identity/verify';
import { readTableColumns } from './sync/columns';
import { pull } from './sync/pull';
import { push } from './sync/push';
import { type RunAsUser, UnknownUser } from './sync/session';

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

/** What `migrate` applied, read through koers_applied_migrations() (security.ts): nothing before the first migrate. */
async function appliedMigrations(db: Kysely<ServerDatabase>): Promise<Set<string>> {
  try {
    const done = await sql<{ name: string }>`select koers_applied_migrations() as name`.execute(db);
    return new Set(done.rows.map((r) => r.name));
  } catch (error) {
    const undefinedFunction = typeof error === 'object' && error !== null && 'code' in error && error.code === '42883';
    if (undefinedFunction) return new Set();
    throw error;
  }
}

/**
 * The team server's parts over one database: refuses to run as a role that could bypass the
 * policies or on a database that is not up to date; then push, pull and health over HTTP.
 */
export async function createTeamServer(
  db: Kysely<ServerDatabase>,
  verify: TokenVerifier,
  options: HttpOptions = {},
): Promise<FastifyInstance> {
  await checkServerRole(db);
  const executed = await appliedMigrations(db);
  const missing = KNOWN_SERVER_MIGRATIONS.filter((name) => !executed.has(name));
  if (missing.length > 0) throw new DatabaseNotMigrated(missing);
  const columns = await readTableColumns(db);

  const runAsUser: RunAsUser = (subject, work, runOptions) => asUser(db, subject, work, runOptions ?? {});
  const refusing = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof UnknownUser) throw new Refused(403, 'forbidden', error.message);
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
            throw new Refused(503, 'unavailable', 'The sign-in service cannot be reached; try again shortly.');
          throw new Refused(401, 'unauthorised', `Sign in again (${error.reason}).`);
        }
      },
      push: (subject, request: PushRequest) =>
        refusing(async () => schemaMismatch(request.schema) ?? push(runAsUser, columns, subject, request)),
      pull: (subject, request: PullRequest) =>
        refusing(async () => schemaMismatch(request.schema) ?? pull(runAsUser, SERVER_SCHEMA, subject, request)),
      async healthy() {
        await sql`select 1`.execute(db);
        return true;
      },
    },
    options,
  );
}
