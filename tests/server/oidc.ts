import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { text } from 'node:stream/consumers';
import { SignJWT, decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair, importJWK } from 'jose';
import type { JWK } from 'jose';
import Provider, { errors } from 'oidc-provider';
import type { KoaContextWithOIDC } from 'oidc-provider';
import { grantWhatIsAsked } from '../../server/demo/first-party-consent';

/**
 * A real OpenID provider (oidc-provider) on 127.0.0.1 for the identity tests: it signs in made-up users
 * through the authorization code flow with PKCE and issues JWT access tokens (RFC 9068) for the API
 * resources it knows — as Entra ID or Keycloak would for the team server.
 */

export const TEST_CLIENT_ID = 'koers-test';
/** RFC 8252 §7.3: a native client's loopback redirect may use any port. */
const REDIRECT_URI = 'http://127.0.0.1/callback';
const REQUEST_TIMEOUT_MS = 5_000;

export type TestIssuer = {
  issuer: string;
  /** The private signing key, to make tokens the provider would not (expired, tampered). */
  signingKey: JWK;
  /** How many times the key set (jwks_uri) was fetched. */
  jwksRequests(): number;
  close(): Promise<void>;
};

export type TestIssuerOptions = {
  /** The API identifiers (resource indicators) the provider issues access tokens for. */
  audiences: string[];
  /** Made-up users by subject, with any extra claims their access tokens carry. */
  users: Record<string, Record<string, string>>;
  /** Share another issuer's signing key (as Entra ID tenants share Microsoft's keys). */
  signingKey?: JWK;
  /** A free one when left out. */
  port?: number;
};

async function newSigningKey(): Promise<JWK> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  return { ...(await exportJWK(privateKey)), alg: 'RS256', use: 'sig', kid: randomBytes(8).toString('hex') };
}

/** Listens on a free loopback port; the issuer URL needs the port before the provider exists. */
export async function listenOnLoopback(server: ReturnType<typeof createServer>, port = 0): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return (server.address() as AddressInfo).port;
}

export async function startTestIssuer(options: TestIssuerOptions): Promise<TestIssuer> {
  const signingKey = options.signingKey ?? (await newSigningKey());
  const server = createServer();
  const port = await listenOnLoopback(server, options.port);
  const issuer = `http://127.0.0.1:${port}`;
  const users = options.users;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: TEST_CLIENT_ID,
        application_type: 'native',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: [REDIRECT_URI],
      },
    ],
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    pkce: { required: () => true },
    // Koers keeps working after a restart without the browser: a refresh token for every sign-in, as Entra ID
    // gives one for offline_access (which oidc-provider, following OpenID Connect strictly, only keeps with prompt=consent).
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    findAccount: (_ctx, sub) => (Object.hasOwn(users, sub) ? { accountId: sub, claims: () => ({ sub }) } : undefined),
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    extraTokenClaims: (_ctx, token) => ('accountId' in token ? users[token.accountId] : undefined),
    features: {
      devInteractions: { enabled: false },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => options.audiences[0]!,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resource) => {
          if (!options.audiences.includes(resource)) throw new errors.InvalidTarget();
          return { scope: 'sync', audience: resource, accessTokenFormat: 'jwt', accessTokenTTL: 300 };
        },
      },
    },
  });

  // The login interaction: a form listing the users; the test submits one (no passwords here).
  provider.use(async (ctx: KoaContextWithOIDC, next) => {
    if (!/^\/interaction\/[\w-]+$/.test(ctx.path)) return next();
    const interaction = await provider.interactionDetails(ctx.req, ctx.res);
    if (interaction.prompt.name === 'consent') {
      ctx.status = 303;
      ctx.redirect(await grantWhatIsAsked(provider, ctx, interaction));
      return;
    }
    if (ctx.method === 'GET') {
      const buttons = Object.keys(users).map((sub) => `<button name="subject" value="${sub}">${sub}</button>`);
      ctx.type = 'html';
      ctx.body = `<form method="post" action="${ctx.path}">${buttons.join('')}</form>`;
      return;
    }
    const subject = new URLSearchParams(await text(ctx.req)).get('subject') ?? '';
    if (!Object.hasOwn(users, subject)) ctx.throw(400, 'unknown user');
    const to = await provider.interactionResult(ctx.req, ctx.res, { login: { accountId: subject } });
    ctx.status = 303;
    ctx.redirect(to);
  });

  let jwksRequests = 0;
  const handle = provider.callback();
  server.on('request', (req, res) => {
    if (req.url?.startsWith('/jwks')) jwksRequests += 1;
    void handle(req, res);
  });

  return {
    issuer,
    signingKey,
    jwksRequests: () => jwksRequests,
    close: () => closeServer(server),
  };
}

export async function closeServer(server: ReturnType<typeof createServer>): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}

/** A cookie jar good enough for one sign-in against one provider (names are unique there). */
class Cookies {
  readonly #values = new Map<string, string>();
  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      if (at > 0) this.#values.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
  }
  header(): string {
    return [...this.#values].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

export type SignInOptions = {
  issuer: string;
  clientId: string;
  /** The made-up user to pick on the provider's sign-in page. */
  subject: string;
  /** The API to ask a token for (the resource indicator); the provider's default when left out. */
  resource?: string;
  /** The loopback port the "app" listens on for the redirect (nothing needs to listen: we read Location). */
  redirectPort?: number;
  acceptLanguage?: string;
  /** Sees each interaction page before its form is submitted. */
  onPage?: (html: string) => void;
};

/**
 * Signs in the way Koers will: authorization code flow with PKCE (S256), driven over HTTP against the
 * provider's own endpoints, picking the user on its sign-in page. Returns the access token.
 */
export async function signIn(options: SignInOptions): Promise<string> {
  const discovery = (await (await request(`${options.issuer}/.well-known/openid-configuration`)).json()) as {
    authorization_endpoint: string;
    token_endpoint: string;
  };
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const state = randomBytes(16).toString('base64url');
  const redirectUri = `http://127.0.0.1:${options.redirectPort ?? 49_152}/callback`;
  const query = new URLSearchParams({
    client_id: options.clientId,
    response_type: 'code',
    redirect_uri: redirectUri,
    scope: 'openid sync',
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  if (options.resource) query.set('resource', options.resource);

  const url = await pickUser(`${discovery.authorization_endpoint}?${query}`, options.subject, {
    until: (next) => next.startsWith(redirectUri),
    ...(options.acceptLanguage ? { acceptLanguage: options.acceptLanguage } : {}),
    ...(options.onPage ? { onPage: options.onPage } : {}),
  });
  const back = new URL(url).searchParams;
  if (back.get('state') !== state) throw new Error(`Sign-in came back with the wrong state: ${url}`);
  const code = back.get('code');
  if (!code) throw new Error(`Sign-in came back without a code: ${url}`);
  return exchangeCode(discovery.token_endpoint, options, code, redirectUri, verifier);
}

/**
 * A browser at the provider's authorization URL that picks `subject` on its sign-in page and
 * follows the redirects until `until` says it has left for the app; returns that URL.
 */
export async function pickUser(
  start: string,
  subject: string,
  options: { until(url: string): boolean; acceptLanguage?: string; onPage?: (html: string) => void },
): Promise<string> {
  const cookies = new Cookies();
  const headers = (): Record<string, string> => ({
    cookie: cookies.header(),
    'accept-language': options.acceptLanguage ?? 'en',
  });
  let url = start;
  // Redirects: /auth → interaction page → (form post) → /auth/<uid> → the app's redirect URI.
  for (let step = 0; step < 8; step += 1) {
    if (options.until(url)) return url;
    let response = await request(url, { headers: headers() });
    cookies.take(response);
    if (response.status === 200) {
      const html = await response.text();
      options.onPage?.(html);
      const form = /<form[^>]*method="post"[^>]*action="([^"]+)"/i.exec(html);
      const button = new RegExp(`<button[^>]*name="(\\w+)"[^>]*value="${subject}"`).exec(html);
      if (!form?.[1] || !button?.[1]) throw new Error(`No sign-in form with ${subject} on ${url}`);
      response = await request(new URL(form[1], url).href, {
        method: 'POST',
        headers: { ...headers(), 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ [button[1]]: subject }).toString(),
      });
      cookies.take(response);
    }
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location)
      throw new Error(`Sign-in stopped at ${url}: HTTP ${response.status} ${await response.text()}`);
    url = new URL(location, url).href;
  }
  throw new Error('Sign-in did not finish within 8 redirects');
}

/** The system browser for Koers's sign-in in tests: picks `subject`, then opens the app's loopback answer. */
export function browserPicking(subject: string): (url: string) => Promise<void> {
  return async (url) => {
    const issuer = new URL(url).origin;
    const back = await pickUser(url, subject, { until: (next) => new URL(next).origin !== issuer });
    const answer = await request(back);
    if (answer.status !== 200) throw new Error(`Koers's loopback answered HTTP ${answer.status}`);
  };
}

async function exchangeCode(
  tokenEndpoint: string,
  options: SignInOptions,
  code: string,
  redirectUri: string,
  verifier: string,
): Promise<string> {
  const response = await request(tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: options.clientId,
      code,
      redirect_uri: redirectUri,
      code_verifier: verifier,
    }).toString(),
  });
  const answer = (await response.json()) as { access_token?: string };
  if (response.status !== 200 || !answer.access_token)
    throw new Error(`Token request refused: HTTP ${response.status} ${JSON.stringify(answer)}`);
  return answer.access_token;
}

function request(url: string, init: RequestInit = {}): Promise<Response> {
  return fetch(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
}

/** The same token re-signed by `key`, with claims or header changed — tokens a provider would never issue. */
export async function resign(
  token: string,
  key: JWK,
  changes: { claims?: Record<string, unknown>; header?: Record<string, string> } = {},
): Promise<string> {
  const header = { ...decodeProtectedHeader(token), ...changes.header };
  return new SignJWT({ ...decodeJwt(token), ...changes.claims })
    .setProtectedHeader({ ...header, alg: header.alg! })
    .sign(await importJWK(key, header.alg));
}

/** A key of the same kind and id as the issuer's, but not the issuer's: a forged signature. */
export async function otherKeyLike(key: JWK): Promise<JWK> {
  return { ...(await newSigningKey()), kid: key.kid };
}
