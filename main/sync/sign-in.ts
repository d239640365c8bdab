import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as oidc from 'openid-client';
import type { SignInInfo } from '../../common/sync/protocol';

/**
 * Signing in to the team's OpenID provider the way RFC 8252 asks of a desktop app: the system
 * browser opens the provider's own page (Koers never sees the password), the answer comes back
 * to a listener on 127.0.0.1 on a free port, and the code is exchanged with PKCE (S256).
 * openid-client does the protocol; this module owns the listener and the errors a user can read.
 */

export type SignInProblem =
  /** The user cancelled on the provider's page, or the provider refused her. */
  | 'cancelled'
  /** Nobody finished signing in within the time allowed. */
  | 'timed-out'
  /** The provider could not be reached. */
  | 'unreachable'
  /** The provider answered something that fails the protocol's checks. */
  | 'refused';

export class SignInError extends Error {
  constructor(
    readonly problem: SignInProblem,
    message: string,
  ) {
    super(message);
    this.name = 'SignInError';
  }
}

export interface Tokens {
  accessToken: string;
  /** When the access token stops being accepted (ms since the epoch). */
  expiresAt: number;
  /** Null when the provider gave none: the user signs in again when the access token expires. */
  refreshToken: string | null;
}

/** What the browser tab shows once the answer is in: the user goes back to Koers. */
export interface ReturnPage {
  language: string;
  done: string;
  failed: string;
}

export interface BrowserSignInOptions {
  openBrowser(url: string): Promise<void>;
  page: ReturnPage;
  /** Default five minutes: time to type a password and answer a second factor. */
  timeoutMs?: number;
  signal?: AbortSignal;
  now(): number;
}

const SIGN_IN_TIMEOUT_MS = 5 * 60_000;
/** Seconds per request to the provider. */
const REQUEST_TIMEOUT_S = 15;
const LOOPBACK = '127.0.0.1';
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Plain http on this machine only (the demo, tests). */
export function isLocalHttp(url: URL): boolean {
  return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
}

/** https, or plain http on this machine: where Koers signs in and synchronises, and what it opens in the browser. */
export function isSafeTeamUrl(url: URL): boolean {
  return url.protocol === 'https:' || isLocalHttp(url);
}

/** The provider's configuration (discovery); plain http only for a provider on this machine (the demo, tests). */
export async function discover(info: SignInInfo): Promise<oidc.Configuration> {
  const issuer = new URL(info.issuer);
  const local = isLocalHttp(issuer);
  if (!isSafeTeamUrl(issuer)) throw new SignInError('refused', 'The sign-in address must use https');
  try {
    const config = await oidc.discovery(
      issuer,
      info.clientId,
      undefined,
      oidc.None(),
      local ? { execute: [oidc.allowInsecureRequests], timeout: REQUEST_TIMEOUT_S } : { timeout: REQUEST_TIMEOUT_S },
    );
    config.timeout = REQUEST_TIMEOUT_S;
    return config;
  } catch (error) {
    throw asSignInError(error);
  }
}

/** Signs in through the system browser; resolves with the tokens, or rejects with a SignInError. */
export async function signInWithBrowser(
  info: SignInInfo,
  config: oidc.Configuration,
  options: BrowserSignInOptions,
): Promise<Tokens> {
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const listener = await listenForAnswer(state, options.page);
  try {
    const redirectUri = `http://${LOOPBACK}:${listener.port}/callback`;
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: info.scope,
      state,
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      ...(info.resource ? { resource: info.resource } : {}),
    });
    await options.openBrowser(url.href);
    const answer = await waitFor(listener.answer, options.timeoutMs ?? SIGN_IN_TIMEOUT_MS, options.signal);
    const granted = await oidc
      .authorizationCodeGrant(
        config,
        answer,
        { pkceCodeVerifier: verifier, expectedState: state },
        info.resource ? { resource: info.resource } : undefined,
      )
      .catch((error: unknown) => {
        throw asSignInError(error);
      });
    return tokensOf(granted, options.now());
  } finally {
    await listener.close();
  }
}

/** A new access token for the stored refresh token; `null` when the provider no longer accepts it. */
export async function refresh(
  info: SignInInfo,
  config: oidc.Configuration,
  refreshToken: string,
  now: number,
): Promise<Tokens | null> {
  try {
    const granted = await oidc.refreshTokenGrant(
      config,
      refreshToken,
      info.resource ? { resource: info.resource } : undefined,
    );
    const tokens = tokensOf(granted, now);
    // Providers that do not rotate refresh tokens answer without one: the old one stays good.
    return { ...tokens, refreshToken: tokens.refreshToken ?? refreshToken };
  } catch (error) {
    if (error instanceof oidc.ResponseBodyError && error.error === 'invalid_grant') return null;
    throw asSignInError(error);
  }
}

function tokensOf(granted: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers, now: number): Tokens {
  // Without expires_in the token is taken to last five minutes: asked again rather than refused.
  const seconds = granted.expiresIn() ?? 300;
  return {
    accessToken: granted.access_token,
    expiresAt: now + seconds * 1000,
    refreshToken: granted.refresh_token ?? null,
  };
}

function asSignInError(error: unknown): SignInError {
  if (error instanceof SignInError) return error;
  if (error instanceof oidc.AuthorizationResponseError)
    return new SignInError(
      error.error === 'access_denied' ? 'cancelled' : 'refused',
      `The sign-in was refused (${error.error})`,
    );
  if (error instanceof oidc.ResponseBodyError)
    return new SignInError('refused', `The provider refused (${error.error})`);
  if (error instanceof TypeError || (error instanceof Error && ['AbortError', 'TimeoutError'].includes(error.name)))
    return new SignInError('unreachable', 'The sign-in service could not be reached');
  return new SignInError('refused', error instanceof Error ? error.message : 'The sign-in failed');
}

interface Listener {
  port: number;
  /** The full callback URL the browser came back with. */
  answer: Promise<URL>;
  close(): Promise<void>;
}

/** One answer on 127.0.0.1: the callback with this sign-in's state; anything else gets 404. */
async function listenForAnswer(state: string, page: ReturnPage): Promise<Listener> {
  let settle: (url: URL) => void = () => undefined;
  const answer = new Promise<URL>((resolve) => {
    settle = resolve;
  });
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', `http://${LOOPBACK}`);
    if (request.method !== 'GET' || url.pathname !== '/callback' || url.searchParams.get('state') !== state) {
      response.writeHead(404).end();
      return;
    }
    const failed = url.searchParams.has('error');
    response.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': "default-src 'none'",
    });
    response.end(returnPage(page, failed ? page.failed : page.done));
    settle(new URL(`http://${LOOPBACK}:${port}${url.pathname}${url.search}`));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, LOOPBACK, resolve);
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    answer,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function waitFor(answer: Promise<URL>, timeoutMs: number, signal?: AbortSignal): Promise<URL> {
  let timer: NodeJS.Timeout | undefined;
  let onAbort: () => void = () => undefined;
  try {
    return await Promise.race([
      answer,
      new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new SignInError('timed-out', 'Nobody signed in in time')), timeoutMs);
        onAbort = () => reject(new SignInError('cancelled', 'The sign-in was cancelled in Koers'));
        if (signal?.aborted) onAbort();
        signal?.addEventListener('abort', onAbort, { once: true });
      }),
    ]);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

function returnPage(page: ReturnPage, message: string): string {
  const text = message.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return (
    `<!doctype html><html lang="${page.language}"><head><meta charset="utf-8"><title>Koers</title></head>` +
    `<body style="font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto"><h1>Koers</h1><p>${text}</p></body></html>`
  );
}
