import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import type { TLSSocket } from 'node:tls';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { connect } from '../../server/db/connect';
import { migrateDatabase } from '../../server/db/migrate';
import type { ServerDatabase } from '../../server/db/schema';
import { APP_ROLE } from '../../server/db/security';
import { createTokenVerifier } from '../../server/identity/verify';
import { createTeamServer, SERVER_SCHEMA } from '../../server/team-server';
import { freshDatabase } from './databases';
import { startPostgres, type TestPostgres } from './postgres';

/** The server with its own certificate (no reverse proxy): HTTPS on loopback, health answered over TLS. */

let postgres: TestPostgres;
let db: Kysely<ServerDatabase>;
let server: FastifyInstance;
let folder: string;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'koers-tls-'));
  const [cert, key] = [join(folder, 'cert.pem'), join(folder, 'key.pem')];
  await promisify(execFile)(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { timeout: 30_000 },
  );
  postgres = await startPostgres();
  await migrateDatabase(await freshDatabase(postgres, 'tls'));
  db = connect(postgres.url(APP_ROLE, 'tls'));
  server = await createTeamServer(db, createTokenVerifier({ issuer: 'http://127.0.0.1:9', audience: 'api://k' }), {
    https: { cert: readFileSync(cert), key: readFileSync(key) },
  });
  await server.listen({ host: '127.0.0.1', port: 0 });
}, 120_000);

afterAll(async () => {
  await server?.close();
  await db?.destroy();
  await postgres?.stop();
  rmSync(folder, { recursive: true, force: true });
});

it('answers over HTTPS with its certificate', async () => {
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const cert = readFileSync(join(folder, 'cert.pem'));
  const answer = await new Promise<{ status: number; body: string; protocol: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/health', ca: cert }, (res) => {
      // The socket is let go once the answer ends: ask for its protocol while it is there.
      const protocol = (res.socket as TLSSocket).getProtocol() ?? '';
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, protocol }));
    });
    req.on('error', reject);
    req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
    req.end();
  });
  expect(answer.status).toBe(200);
  expect(JSON.parse(answer.body)).toMatchObject({ status: 'ok', schema: SERVER_SCHEMA });
  expect(answer.protocol).toMatch(/^TLSv1\.[23]$/);
});
