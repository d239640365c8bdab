import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { fill } from '../common/i18n/fill';
import { type Language, languageFromLocales } from '../common/languages';
import { cliTexts } from './cli-texts';
import { connect } from './db/connect';
import { migrateDatabase } from './db/migrate';
import { createTokenVerifier } from './identity/verify';
import { demoBanner, startDemo } from './demo/demo';
import { addTeam } from './team/add-team';
import { createTeamServer, SERVER_SCHEMA } from './team-server';

/**
 * The team server on the command line, for IT staff:
 *
 *   npm run team-server -- migrate --database URL
 *   npm run team-server -- start --database URL --issuer URL --audience NAME [--claim sub]
 *                                [--client-id koers] [--scope "openid offline_access"] [--resource URI]
 *                                [--host 127.0.0.1] [--port 8443] [--tls-cert F --tls-key F] [--behind-proxy]
 *   npm run team-server -- add-team --database URL --name TEAM --key-person SUBJECT --key-person-name NAME
 *   npm run team-server -- demo [--port 8443]   (sign-in on the next port; 127.0.0.1 only)
 *
 * Exit codes: 0 done (or stopped on a signal), 1 refused, 2 wrong use.
 */
const COMMANDS = `  npm run team-server -- migrate --database URL
  npm run team-server -- start --database URL --issuer URL --audience NAME [--claim sub]
                               [--client-id koers] [--scope "openid offline_access"] [--resource URI]
                               [--host 127.0.0.1] [--port 8443] [--tls-cert FILE --tls-key FILE] [--behind-proxy]
  npm run team-server -- add-team --database URL --name TEAM --key-person SUBJECT --key-person-name NAME
  npm run team-server -- demo [--port 8443]`;

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

class UsageError extends Error {}

function required(values: Record<string, string | boolean | undefined>, name: string, t: (typeof cliTexts)[Language]) {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new UsageError(fill(t.missing, { option: `--${name}` }));
  return value;
}

/** Resolves once `stop` has run after the first SIGTERM or SIGINT. */
function stopped(stop: () => Promise<void>): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const once = () => void stop().then(resolve, reject);
    process.once('SIGTERM', once);
    process.once('SIGINT', once);
  });
}

export async function run(argv: readonly string[], language: Language): Promise<number> {
  const t = cliTexts[language];
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      database: { type: 'string' },
      issuer: { type: 'string' },
      audience: { type: 'string' },
      claim: { type: 'string' },
      'client-id': { type: 'string' },
      scope: { type: 'string' },
      resource: { type: 'string' },
      host: { type: 'string' },
      port: { type: 'string' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      'behind-proxy': { type: 'boolean' },
      'per-minute': { type: 'string' },
      name: { type: 'string' },
      'key-person': { type: 'string' },
      'key-person-name': { type: 'string' },
    },
    strict: true,
  });
  if (command === 'migrate') {
    const report = await migrateDatabase(required(values, 'database', t));
    console.log(report.applied.length > 0 ? fill(t.migrated, { names: report.applied.join(', ') }) : t.upToDate);
    return 0;
  }
  if (command === 'add-team') {
    const team = await addTeam(required(values, 'database', t), {
      name: required(values, 'name', t),
      keyPersonSubject: required(values, 'key-person', t),
      keyPersonName: required(values, 'key-person-name', t),
    });
    console.log(fill(t.teamAdded, { team: team.teamId, caseworker: team.caseworkerId }));
    return 0;
  }
  if (command === 'start') {
    const database = required(values, 'database', t);
    const issuer = required(values, 'issuer', t);
    const audience = required(values, 'audience', t);
    const cert = values['tls-cert'];
    const key = values['tls-key'];
    if (Boolean(cert) !== Boolean(key)) throw new UsageError(t.tlsPair);
    const host = values.host ?? '127.0.0.1';
    if (!cert && !LOOPBACK.has(host) && !values['behind-proxy']) throw new UsageError(t.plainHttp);
    const port = Number(values.port ?? 8443);
    const db = connect(database, {
      // PostgreSQL restarted: the pool drops the connection and opens another on the next request.
      onIdleError: (error) =>
        console.error(
          JSON.stringify({ level: 'warn', msg: 'database connection lost', code: (error as { code?: string }).code }),
        ),
    });
    const http = await createTeamServer(db, createTokenVerifier({ issuer, audience, claim: values.claim ?? 'sub' }), {
      logger: true,
      ...(values['per-minute'] ? { perMinute: Number(values['per-minute']) } : {}),
      ...(cert && key ? { https: { cert: readFileSync(cert), key: readFileSync(key) } } : {}),
      // What Koers on the laptops signs in with: its registration at the organisation's provider.
      signIn: {
        issuer,
        clientId: values['client-id'] ?? 'koers',
        scope: values.scope ?? 'openid offline_access',
        ...(values.resource ? { resource: values.resource } : {}),
      },
    }).catch(async (error: unknown) => {
      await db.destroy();
      throw error;
    });
    const url = await http.listen({ host, port });
    console.log(fill(t.listening, { url, schema: SERVER_SCHEMA }));
    await stopped(() => {
      console.log(t.stopping);
      // Fastify answers the requests under way, then closes; then the pool.
      return http.close().then(() => db.destroy());
    });
    return 0;
  }
  if (command === 'demo') {
    const port = Number(values.port ?? 8443);
    // The sign-in next to the server, so a restarted demo keeps the addresses Koers was given.
    const demo = await startDemo({
      port,
      signInPort: port === 0 ? 0 : port + 1,
      language,
      ...(values.host ? { host: values.host } : {}),
    });
    console.log(demoBanner(demo, language));
    await stopped(() => {
      console.log(t.stopping);
      return demo.close();
    });
    return 0;
  }
  throw new UsageError(fill(t.unknownCommand, { command: command ?? '' }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const language = languageFromLocales([process.env.LANG ?? 'en']);
  const t = cliTexts[language];
  run(process.argv.slice(2), language).then(
    (code) => process.exit(code),
    (error: unknown) => {
      if (error instanceof UsageError || (error instanceof TypeError && 'code' in error)) {
        console.error(`${error.message}\n${t.usage}\n${COMMANDS}`);
        process.exit(2);
      }
      console.error(fill(t.refused, { reason: error instanceof Error ? error.message : String(error) }));
      process.exit(1);
    },
  );
}
