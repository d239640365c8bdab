import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { text } from 'node:stream/consumers';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import Provider, { errors, type KoaContextWithOIDC } from 'oidc-provider';
import { z } from 'zod';
import { languageFromLocales, type Language } from '../../common/languages';
import { grantWhatIsAsked } from './first-party-consent';
import { SIGN_IN_STRINGS } from './sign-in-strings';

/** Koers as the demo provider knows it: a public native client (no secret), PKCE required. */
export const DEMO_CLIENT_ID = 'koers';
/** RFC 8252 §7.3: Koers listens on any free port of 127.0.0.1 for the answer; the port is not compared. */
export const DEMO_REDIRECT_URI = 'http://127.0.0.1/callback';
/** The scope Koers asks for the team server's API (besides openid). */
export const DEMO_API_SCOPE = 'sync';

export type DemoUser = { subject: string; name: string };

export type DemoSignInOptions = {
  /** Only 127.0.0.1 is accepted: the demo checks nobody, so nothing beyond this machine may reach it. */
  host?: string;
  /** A free port when left out. */
  port?: number;
  /** The team server's API identifier, an absolute URI (RFC 8707), e.g. `api://koers-team-server`; tokens carry it as `aud`. */
  audience: string;
  users: readonly DemoUser[];
};

export type DemoSignIn = { issuer: string; close(): Promise<void> };

const LOOPBACK = '127.0.0.1';
const MAX_FORM_BYTES = 2_048;
const HOUR = 3_600;

/**
 * The built-in sign-in of `team-server demo`: an OpenID provider (oidc-provider) on loopback whose sign-in
 * page lists made-up users to pick — no passwords — and issues JWT access tokens for the team server.
 */
export async function startDemoSignIn(options: DemoSignInOptions): Promise<DemoSignIn> {
  const host = options.host ?? LOOPBACK;
  if (host !== LOOPBACK)
    throw new Error(
      `The demo sign-in only listens on ${LOOPBACK} (asked: ${host}): it lets anyone sign in as anyone, so it must not be reachable from other machines.`,
    );
  if (!URL.canParse(options.audience))
    throw new Error(`The audience must be an absolute URI such as api://koers-team-server (got ${options.audience})`);
  const users = new Map(options.users.map((user) => [user.subject, user]));
  if (users.size === 0) throw new Error('The demo sign-in needs at least one made-up user');

  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const signingKey: JWK = { ...(await exportJWK(privateKey)), alg: 'RS256', use: 'sig', kid: 'demo' };
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, LOOPBACK, resolve);
  });
  const issuer = `http://${LOOPBACK}:${(server.address() as AddressInfo).port}`;
  const close = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  };
  try {
    server.on('request', demoProvider(issuer, options.audience, users, signingKey).callback());
  } catch (error) {
    await close();
    throw error;
  }
  return { issuer, close };
}

function demoProvider(
  issuer: string,
  audience: string,
  users: ReadonlyMap<string, DemoUser>,
  signingKey: JWK,
): Provider {
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: DEMO_CLIENT_ID,
        application_type: 'native',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: [DEMO_REDIRECT_URI],
      },
    ],
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    pkce: { required: () => true },
    // Koers keeps working after a restart without the browser: a refresh token for every sign-in, as Entra ID
    // gives one for offline_access (which oidc-provider, following OpenID Connect strictly, only keeps with prompt=consent).
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    claims: { openid: ['sub'], profile: ['name'] },
    findAccount: (_ctx, sub) => {
      const user = users.get(sub);
      return user && { accountId: sub, claims: () => ({ sub, name: user.name }) };
    },
    ttl: {
      AccessToken: HOUR,
      Interaction: HOUR,
      Session: 10 * HOUR,
      Grant: 10 * HOUR,
      IdToken: HOUR,
      RefreshToken: 10 * HOUR,
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    renderError: (ctx, out) => {
      const language = languageFromLocales(ctx.acceptsLanguages());
      ctx.type = 'html';
      ctx.body = page(
        language,
        SIGN_IN_STRINGS[language].failed,
        `<p>${escapeHtml(String(out['error_description'] ?? out['error']))}</p>`,
      );
    },
    features: {
      devInteractions: { enabled: false },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => audience,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resource) => {
          if (resource !== audience) throw new errors.InvalidTarget();
          return { scope: DEMO_API_SCOPE, audience: resource, accessTokenFormat: 'jwt', accessTokenTTL: HOUR };
        },
      },
    },
  });

  provider.use(async (ctx: KoaContextWithOIDC, next) => {
    if (!/^\/interaction\/[\w-]+$/.test(ctx.path)) return next();
    await interaction(provider, ctx, users);
  });
  return provider;
}

const loginForm = z.union([z.object({ subject: z.string().min(1) }), z.object({ cancel: z.literal('1') })]);

/** The sign-in page: GET shows the users, POST signs in as the one picked (or cancels). */
async function interaction(
  provider: Provider,
  ctx: KoaContextWithOIDC,
  users: ReadonlyMap<string, DemoUser>,
): Promise<void> {
  const details = await provider.interactionDetails(ctx.req, ctx.res);
  ctx.set('cache-control', 'no-store');
  if (details.prompt.name === 'consent') {
    ctx.status = 303;
    ctx.redirect(await grantWhatIsAsked(provider, ctx, details));
    return;
  }
  const language = languageFromLocales(ctx.acceptsLanguages());
  const strings = SIGN_IN_STRINGS[language];
  if (ctx.method === 'GET') {
    const buttons = [...users.values()].map(
      (user) => `<li><button name="subject" value="${escapeHtml(user.subject)}">${escapeHtml(user.name)}</button></li>`,
    );
    ctx.type = 'html';
    ctx.set('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
    ctx.body = page(
      language,
      strings.title,
      `<form method="post" action="${escapeHtml(ctx.path)}"><p>${escapeHtml(strings.choose)}</p><ul>${buttons.join('')}</ul>` +
        `<p><button name="cancel" value="1" class="cancel">${escapeHtml(strings.cancel)}</button></p></form>`,
      strings.banner,
    );
    return;
  }
  if (ctx.method !== 'POST') ctx.throw(405);
  if (Number(ctx.get('content-length') || 0) > MAX_FORM_BYTES) ctx.throw(413);
  const form = loginForm.safeParse(Object.fromEntries(new URLSearchParams(await text(ctx.req))));
  if (!form.success || ('subject' in form.data && !users.has(form.data.subject))) ctx.throw(400, 'Unknown user');
  const result =
    'subject' in form.data
      ? { login: { accountId: form.data.subject } }
      : { error: 'access_denied', error_description: 'The user cancelled the sign-in' };
  ctx.status = 303;
  ctx.redirect(await provider.interactionResult(ctx.req, ctx.res, result, { mergeWithLastSubmission: false }));
}

function page(language: Language, title: string, body: string, banner?: string): string {
  const style =
    'body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem}' +
    '.banner{background:#fde68a;border:2px solid #b45309;padding:.75rem;font-weight:600}' +
    'ul{list-style:none;padding:0}li{margin:.5rem 0}button{font:inherit;padding:.5rem 1rem;min-width:14rem;text-align:left}' +
    '.cancel{min-width:0}';
  return (
    `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
    `<title>${escapeHtml(title)}</title><style>${style}</style></head><body>` +
    (banner ? `<p class="banner" role="alert">${escapeHtml(banner)}</p>` : '') +
    `<h1>${escapeHtml(title)}</h1>${body}</body></html>`
  );
}

function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}
