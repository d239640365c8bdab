import { createHash } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import type { z } from 'zod';
import {
  type AccessExportAnswer,
  type AccessExportRequest,
  accessExportRequest,
  LIMITS,
  type Member,
  type MemberRequest,
  memberRequest,
  type PullAnswer,
  type PullRequest,
  type PushAnswer,
  type PushRequest,
  PROTOCOL_VERSION,
  pullRequest,
  pushRequest,
  type Refusal,
  type SignInInfo,
  type WhoAmI,
} from '../../common/sync/protocol';
import { errorCode, isTemporary } from '../db/errors';
import { type AuditExport, type AuditQuery, auditQuery } from '../sync/audit';

/** What the HTTP layer needs; the database and the identity provider stay behind it. */
export interface TeamServerParts {
  /** The caller's subject from the `Authorization` header, or a thrown `Refused` ('unauthorised'). */
  authenticate(authorization: string | undefined): Promise<string>;
  push(subject: string, request: PushRequest): Promise<PushAnswer>;
  pull(subject: string, request: PullRequest): Promise<PullAnswer>;
  /** Team membership (key persons manage it). */
  whoAmI(subject: string): Promise<WhoAmI>;
  members: {
    list(subject: string): Promise<Member[]>;
    put(subject: string, wanted: MemberRequest): Promise<Member>;
    disable(subject: string, member: string): Promise<boolean>;
  };
  /** The caller's team's audit log, for its key persons (others: a thrown `Refused`, 'forbidden'). */
  audit(subject: string, query: AuditQuery): Promise<AuditExport>;
  /** Everything about one client of the team, for its key persons (the access export). */
  accessExport(subject: string, request: AccessExportRequest): Promise<AccessExportAnswer>;
  /** True when the database answers. */
  healthy(): Promise<boolean>;
  /** The newest migration of the synced tables, for the health answer. */
  schema: string;
}

export interface HttpOptions {
  /** Requests per user per minute (push and pull together). */
  perMinute?: number;
  /** pino options, or false for no log (tests). */
  logger?: boolean | { level: string; stream?: NodeJS.WritableStream };
  https?: { cert: Buffer; key: Buffer };
  /** Told to laptops joining (GET /v1/sign-in); without it they are told this server has no sign-in set up. */
  signIn?: SignInInfo;
}

/** A refusal the laptop can act on; `status` is the HTTP status, `reason` a code for the log (never personal data). */
export class Refused extends Error {
  constructor(
    readonly status: number,
    readonly code: Refusal['error'],
    message: string,
    readonly reason?: string,
  ) {
    super(message);
    this.name = 'Refused';
  }
}

/** Logs name a user by a short hash of the subject, never the subject itself (it may be an e-mail address). */
export function userTag(subject: string): string {
  return createHash('sha256').update(subject).digest('hex').slice(0, 12);
}

declare module 'fastify' {
  interface FastifyRequest {
    subject?: string;
  }
}

/**
 * The team server's HTTP face: health, push, pull and the audit export. Bodies are validated with the shared
 * protocol schemas; sizes and rates are limited per user; logs hold routes, statuses, timings and
 * hashed users — never bodies, headers, addresses or names.
 */
export async function buildHttp(parts: TeamServerParts, options: HttpOptions = {}): Promise<FastifyInstance> {
  const base = {
    bodyLimit: LIMITS.requestBytes,
    // One line per request, when it is answered (the onResponse hook below), not two.
    disableRequestLogging: true,
    logger:
      options.logger === false || options.logger === undefined
        ? false
        : {
            level: options.logger === true ? 'info' : options.logger.level,
            ...(options.logger !== true && options.logger.stream ? { stream: options.logger.stream } : {}),
            serializers: {
              req: (req: { method: string; routeOptions?: { url?: string | undefined } }) => ({
                method: req.method,
                route: req.routeOptions?.url ?? 'unknown',
              }),
              res: (res: { statusCode: number }) => ({ status: res.statusCode }),
            },
          },
  };
  // Over TLS or plain HTTP (behind a reverse proxy): the routes are the same either way.
  const app = (options.https ? Fastify({ ...base, https: options.https }) : Fastify(base)) as FastifyInstance;

  await app.register(rateLimit, {
    global: false,
    max: options.perMinute ?? 600,
    timeWindow: 60_000,
    // After sign-in (preHandler): limited per user, not per address behind a shared proxy.
    hook: 'preHandler',
    keyGenerator: (request) => request.subject ?? request.ip,
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      error: 'too-many',
      message: `Too many requests: at most ${context.max} a minute. Try again in ${context.after}.`,
    }),
  });

  app.addHook('onResponse', async (request, reply) => {
    request.log.info({ req: request, res: reply, ms: Math.round(reply.elapsedTime) }, 'answered');
  });

  app.setErrorHandler((error, request, reply) => {
    const refusal = toRefusal(error);
    if (refusal.status >= 500)
      request.log.error({ err: { name: (error as Error).name, code: errorCode(error) || undefined } }, 'failed');
    else
      request.log.info(
        { refused: refusal.code, reason: error instanceof Refused ? error.reason : undefined },
        'refused',
      );
    if (refusal.status === 503) void reply.header('retry-after', '5');
    void reply.status(refusal.status).send({ error: refusal.code, message: refusal.message } satisfies Refusal);
  });

  const authenticate = async (request: FastifyRequest) => {
    request.subject = await parts.authenticate(request.headers.authorization);
    request.log = request.log.child({ user: userTag(request.subject) });
  };
  // Routes that run `authenticate` first always have one; the check keeps the types honest.
  const subjectOf = (request: FastifyRequest): string => {
    if (!request.subject) throw new Refused(401, 'unauthorised', 'Sign in to synchronise.');
    return request.subject;
  };

  app.get('/health', async (_request, reply) => {
    const ok = await parts.healthy().catch(() => false);
    return reply
      .status(ok ? 200 : 503)
      .send({ status: ok ? 'ok' : 'database unavailable', protocol: PROTOCOL_VERSION, schema: parts.schema });
  });

  // Before anyone is signed in: where to sign in. Rate-limited per address like every route.
  app.get('/v1/sign-in', { config: { rateLimit: {} } }, async (_request, reply) =>
    options.signIn
      ? reply.send(options.signIn)
      : reply.status(404).send({
          error: 'unavailable',
          message: 'This team server has no sign-in set up (start it with --client-id).',
        } satisfies Refusal),
  );
  app.post('/v1/push', { onRequest: authenticate, config: { rateLimit: {} } }, async (request) =>
    parts.push(subjectOf(request), parse(pushRequest, request.body)),
  );
  app.post('/v1/pull', { onRequest: authenticate, config: { rateLimit: {} } }, async (request) =>
    parts.pull(subjectOf(request), parse(pullRequest, request.body)),
  );
  app.get('/v1/me', { onRequest: authenticate, config: { rateLimit: {} } }, async (request) =>
    parts.whoAmI(subjectOf(request)),
  );
  app.get('/v1/members', { onRequest: authenticate, config: { rateLimit: {} } }, async (request) =>
    parts.members.list(subjectOf(request)),
  );
  app.put('/v1/members', { onRequest: authenticate, config: { rateLimit: {} } }, async (request) =>
    parts.members.put(subjectOf(request), parse(memberRequest, request.body)),
  );
  app.delete<{ Params: { subject: string } }>(
    '/v1/members/:subject',
    { onRequest: authenticate, config: { rateLimit: {} } },
    async (request, reply) => {
      const found = await parts.members.disable(subjectOf(request), request.params.subject);
      return reply.status(found ? 204 : 404).send();
    },
  );
  app.get('/v1/audit', { onRequest: authenticate, config: { rateLimit: {} } }, async (request) =>
    parts.audit(subjectOf(request), parse(auditQuery, request.query)),
  );
  app.post('/v1/access-export', { onRequest: authenticate, config: { rateLimit: {} } }, async (request) =>
    parts.accessExport(subjectOf(request), parse(accessExportRequest, request.body)),
  );
  return app;
}

function parse<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const where = result.error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`)
    .join('; ');
  throw new Refused(400, 'malformed', `The request does not follow the protocol (${where}). Nothing was applied.`);
}

function toRefusal(error: unknown): { status: number; code: Refusal['error']; message: string } {
  if (error instanceof Refused) return { status: error.status, code: error.code, message: error.message };
  const status = typeof error === 'object' && error !== null && 'statusCode' in error ? Number(error.statusCode) : 0;
  if (status === 413)
    return { status, code: 'too-large', message: `The request is larger than ${LIMITS.requestBytes} bytes.` };
  if (status === 429) return { status, code: 'too-many', message: (error as Error).message };
  if (status === 400 || status === 415)
    return { status: 400, code: 'malformed', message: 'The request is not JSON the server understands.' };
  if (isTemporary(error))
    return { status: 503, code: 'unavailable', message: 'The database is unavailable for a moment; try again.' };
  return { status: 500, code: 'internal', message: 'The server could not handle this request; it has been logged.' };
}
