import type { z } from 'zod';
import type { SyncProblem } from '../../common/enums';
import {
  type AccessExportAnswer,
  accessExportAnswer,
  type PullAnswer,
  type PullRequest,
  type PushAnswer,
  type PushRequest,
  pullAnswer,
  pushAnswer,
  refusal,
  type SignInInfo,
  signInInfo,
  type WhoAmI,
  whoAmI,
} from '../../common/sync/protocol';

/**
 * The laptop's end of the team server's HTTP API (server/http/app.ts): JSON over fetch, every
 * answer checked against the shared protocol, every failure sorted into what the status shows.
 */

/** Why a sync could not go on, as the status and the log tell it (never personal data). */
export type { SyncProblem };

export class SyncError extends Error {
  constructor(
    readonly problem: SyncProblem,
    message: string,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}

/** An access token for the team server, or null when nobody is signed in. */
export type TokenSource = () => Promise<string | null>;

export interface Transport {
  push(request: PushRequest): Promise<PushAnswer>;
  pull(request: PullRequest): Promise<PullAnswer>;
  whoAmI(): Promise<WhoAmI>;
  /** Everything the team holds about one client (key persons only): the access export. */
  accessExport(clientId: string): Promise<AccessExportAnswer>;
}

export interface TransportOptions {
  serverUrl: string;
  token: TokenSource;
  /** Per request; a first pull's page of 2,000 rows takes well under a second. */
  timeoutMs?: number;
}

export function createTransport({ serverUrl, token, timeoutMs = 30_000 }: TransportOptions): Transport {
  const call = async <T extends z.ZodType>(path: string, schema: T, body?: unknown): Promise<z.infer<T>> => {
    const bearer = await token();
    if (!bearer) throw new SyncError('signed-out', 'Nobody is signed in to the team server');
    let response: Response;
    try {
      response = await fetch(new URL(path, serverUrl), {
        method: body === undefined ? 'GET' : 'POST',
        headers: {
          authorization: `Bearer ${bearer}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new SyncError('offline', `The team server did not answer (${(error as Error).name})`);
    }
    const text = await response.text().catch(() => '');
    const json = parseJson(text);
    if (!response.ok) throw refused(response.status, json);
    const parsed = schema.safeParse(json);
    if (!parsed.success)
      throw new SyncError('server', `The team server's answer to ${path} does not follow the protocol`);
    return parsed.data;
  };
  return {
    push: (request) => call('/v1/push', pushAnswer, request),
    pull: (request) => call('/v1/pull', pullAnswer, request),
    whoAmI: () => call('/v1/me', whoAmI),
    accessExport: (clientId) => call('/v1/access-export', accessExportAnswer, { clientId }),
  };
}

/**
 * Where to sign in for the team server at `serverUrl` (asked before anyone is signed in). An
 * address that answers but not as a Koers team server is a 'server' problem, not 'offline'.
 */
export async function fetchSignInInfo(serverUrl: string, timeoutMs = 15_000): Promise<SignInInfo> {
  let response: Response;
  try {
    response = await fetch(new URL('/v1/sign-in', serverUrl), { signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    throw new SyncError('offline', `The team server did not answer (${(error as Error).name})`);
  }
  const parsed = signInInfo.safeParse(parseJson(await response.text().catch(() => '')));
  if (!response.ok || !parsed.success)
    throw new SyncError('server', `No Koers team server with sign-in at this address (HTTP ${response.status})`);
  return parsed.data;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function refused(status: number, body: unknown): SyncError {
  const said = refusal.safeParse(body);
  const message = said.success ? said.data.message : `HTTP ${status}`;
  if (status === 401) return new SyncError('signed-out', message);
  if (status === 403) return new SyncError('not-a-member', message);
  if (status === 429 || status === 503) return new SyncError('busy', message);
  return new SyncError('server', message);
}
