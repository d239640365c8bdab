import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { v7 as newId } from 'uuid';
import { CATALOG_DEFAULT_NAMES } from '../../common/contract/catalog-names';
import { common } from '../../common/i18n/common';
import type { Language } from '../../common/languages';
import { migrateServer } from '../db/migrate';
import { openPglite } from '../db/pglite';
import type { ServerDatabase } from '../db/schema';
import { createTokenVerifier } from '../identity/verify';
import { createDemoTeamServerSwitchingRole } from '../team-server';
import { DEMO_TEXTS } from './demo-texts';
import { DEMO_API_SCOPE, DEMO_CLIENT_ID, type DemoSignIn, startDemoSignIn } from './sign-in';

/** The team server's API identifier in the demo; the demo sign-in puts it in the tokens' `aud`. */
export const DEMO_AUDIENCE = 'api://koers-team-server';

const LOOPBACK = '127.0.0.1';

export interface DemoPerson {
  subject: string;
  name: string;
  caseworkerId: string;
  role: 'caseworker' | 'key_person';
}

/** The demo team: made-up people, one key person and three caseworkers. */
const PEOPLE: readonly Omit<DemoPerson, 'caseworkerId'>[] = [
  { subject: 'demo-anneke', name: 'Anneke de Vries', role: 'key_person' },
  { subject: 'demo-sanne', name: 'Sanne Bakker', role: 'caseworker' },
  { subject: 'demo-mette', name: 'Mette Sørensen', role: 'caseworker' },
  { subject: 'demo-jonas', name: 'Jonas Kristensen', role: 'caseworker' },
];

export interface DemoOptions {
  /** Only 127.0.0.1 is accepted. */
  host?: string;
  /** The team server's port; a free one when left out. */
  port?: number;
  /** The sign-in's port; a free one when left out. */
  signInPort?: number;
  /** The language of the demo team's own list names (target groups). */
  language?: Language;
}

export interface Demo {
  url: string;
  issuer: string;
  audience: string;
  users: readonly DemoPerson[];
  close(): Promise<void>;
}

export class DemoNotOnLoopback extends Error {
  constructor(host: string) {
    super(
      `The demo only listens on ${LOOPBACK} (asked: ${host}): anyone can sign in as anyone, so it must not be reachable from other machines.`,
    );
    this.name = 'DemoNotOnLoopback';
  }
}

/**
 * `team-server demo`: Koers as a team on one machine. PostgreSQL in this process (PGlite, in
 * memory), migrated like a real server, with one team of made-up people; the built-in sign-in for
 * them; the team server on loopback, every request under koers_app and the team's policies.
 */
export async function startDemo(options: DemoOptions = {}): Promise<Demo> {
  const host = options.host ?? LOOPBACK;
  if (host !== LOOPBACK) throw new DemoNotOnLoopback(host);
  const language = options.language ?? 'en';
  const stops: (() => Promise<unknown>)[] = [];
  const close = async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
  };
  try {
    const db = await openPglite();
    stops.push(() => db.destroy());
    await migrateServer(db);
    const users = await seedDemoTeam(db, language);

    const signIn: DemoSignIn = await startDemoSignIn({
      audience: DEMO_AUDIENCE,
      users: users.map(({ subject, name }) => ({ subject, name })),
      ...(options.signInPort === undefined ? {} : { port: options.signInPort }),
    });
    stops.push(() => signIn.close());

    const http: FastifyInstance = await createDemoTeamServerSwitchingRole(
      db,
      createTokenVerifier({ issuer: signIn.issuer, audience: DEMO_AUDIENCE }),
      {
        logger: { level: 'warn' },
        signIn: {
          issuer: signIn.issuer,
          clientId: DEMO_CLIENT_ID,
          scope: `openid offline_access ${DEMO_API_SCOPE}`,
          resource: DEMO_AUDIENCE,
        },
      },
    );
    stops.push(() => http.close());
    const url = await http.listen({ host: LOOPBACK, port: options.port ?? 0 });
    return { url, issuer: signIn.issuer, audience: DEMO_AUDIENCE, users, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The team, its accounts and caseworkers, and its lists, written as the database's owner at version 1. */
async function seedDemoTeam(db: Kysely<ServerDatabase>, language: Language): Promise<DemoPerson[]> {
  const now = new Date().toISOString();
  const tracked = { created_at: now, updated_at: now, updated_by: null, deleted_at: null, row_version: 1 };
  const people = PEOPLE.map((person) => ({ ...person, caseworkerId: newId() }));
  await db.transaction().execute(async (trx) => {
    const team = await trx
      .insertInto('team')
      .values({ name: DEMO_TEXTS[language].team, row_counter: 1 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const teamId = team.id;
    for (const person of people) {
      await trx
        .insertInto('account')
        .values({ subject: person.subject, caseworker_id: person.caseworkerId, team_id: teamId, role: person.role })
        .execute();
      await trx
        .insertInto('caseworker')
        .values({ id: person.caseworkerId, name: person.name, role: person.role, team_id: teamId, ...tracked })
        .execute();
    }
    // Shipped stages and closure reasons by key (the app names them in each user's language); target groups by name.
    const items = [
      ...DEMO_TEXTS[language].targetGroups.map((name, position) => ({
        kind: 'target_group' as const,
        default_key: null,
        name,
        position,
      })),
      ...Object.keys(CATALOG_DEFAULT_NAMES.en.stage).map((key, position) => ({
        kind: 'stage' as const,
        default_key: key,
        name: null,
        position,
      })),
      ...Object.keys(CATALOG_DEFAULT_NAMES.en.closure_reason).map((key, position) => ({
        kind: 'closure_reason' as const,
        default_key: key,
        name: null,
        position,
      })),
    ];
    await trx
      .insertInto('catalog_item')
      .values(items.map((item) => ({ id: newId(), ...item, team_id: teamId, ...tracked })))
      .execute();
  });
  return people;
}

/** The words `team-server demo` prints when it is ready. */
export function demoBanner(demo: Demo, language: Language): string {
  const t = DEMO_TEXTS[language];
  const roles = common[language].roles;
  const rule = '='.repeat(t.title.length);
  return [
    rule,
    t.title,
    rule,
    t.warning,
    '',
    `${t.server} ${demo.url}`,
    `${t.issuer} ${demo.issuer}`,
    `${t.audience} ${demo.audience}`,
    '',
    t.users,
    ...demo.users.map((user) => `  - ${user.name} (${roles[user.role]})`),
    '',
    t.stop,
  ].join('\n');
}
