import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bearerToken, createTokenVerifier, TokenRefused } from '../../server/identity/verify';
import type { RefusalReason, TokenVerifier } from '../../server/identity/verify';
import { TEST_CLIENT_ID, closeServer, listenOnLoopback, otherKeyLike, resign, signIn, startTestIssuer } from './oidc';
import type { TestIssuer } from './oidc';

const AUDIENCE = 'api://koers-team-server';
const OTHER_API = 'api://another-api';
const USERS = { anna: { koers_caseworker: 'cw-anna' }, bob: {} };

let home: TestIssuer;
/** Another tenant of the "same cloud": same signing key, different issuer. */
let sibling: TestIssuer;
/** An unrelated provider with its own key. */
let stranger: TestIssuer;
let annaToken: string;

beforeAll(async () => {
  home = await startTestIssuer({ audiences: [AUDIENCE, OTHER_API], users: USERS });
  sibling = await startTestIssuer({ audiences: [AUDIENCE], users: USERS, signingKey: home.signingKey });
  stranger = await startTestIssuer({ audiences: [AUDIENCE], users: USERS });
  annaToken = await signIn({ issuer: home.issuer, clientId: TEST_CLIENT_ID, subject: 'anna' });
});

afterAll(async () => {
  await Promise.all([home, sibling, stranger].filter(Boolean).map((issuer) => issuer.close()));
});

async function refusal(verify: TokenVerifier, token: string): Promise<RefusalReason> {
  const error: unknown = await verify(token).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof TokenRefused)) throw new Error(`Expected TokenRefused, got ${String(error)}`);
  if (token.length > 3) expect(error.message).not.toContain(token);
  return error.reason;
}

const now = () => Math.floor(Date.now() / 1000);

describe('createTokenVerifier', () => {
  it('accepts an access token the provider issued after a real sign-in, with the user as subject', async () => {
    const verify = createTokenVerifier({ issuer: home.issuer, audience: AUDIENCE });
    expect(await verify(annaToken)).toEqual({ subject: 'anna' });
    // The re-signing helper alone does not break a token: the refusals below come from what they change.
    expect(await verify(await resign(annaToken, home.signingKey))).toEqual({ subject: 'anna' });
  });

  it('maps a configured claim to the subject, and refuses a token without that claim', async () => {
    const verify = createTokenVerifier({ issuer: home.issuer, audience: AUDIENCE, claim: 'koers_caseworker' });
    expect(await verify(annaToken)).toEqual({ subject: 'cw-anna' });
    const bobToken = await signIn({ issuer: home.issuer, clientId: TEST_CLIENT_ID, subject: 'bob' });
    expect(await refusal(verify, bobToken)).toBe('claim');
  });

  it('refuses a token signed by another key, or with claims changed after signing', async () => {
    const verify = createTokenVerifier({ issuer: home.issuer, audience: AUDIENCE });
    expect(await refusal(verify, await resign(annaToken, await otherKeyLike(home.signingKey)))).toBe('signature');
    const [header, , signature] = annaToken.split('.');
    const payload = Buffer.from(JSON.stringify({ ...decode(annaToken), sub: 'bob' })).toString('base64url');
    expect(await refusal(verify, `${header}.${payload}.${signature}`)).toBe('signature');
    const unsigned = `${b64({ alg: 'none', typ: 'at+jwt' })}.${b64(decode(annaToken))}.`;
    expect(await refusal(verify, unsigned)).toBe('signature');
    const hmac = `${b64({ alg: 'HS256', typ: 'at+jwt' })}.${b64(decode(annaToken))}.${'A'.repeat(43)}`;
    expect(await refusal(verify, hmac)).toBe('signature');
  });

  it('refuses an expired token, and one not valid yet', async () => {
    const verify = createTokenVerifier({ issuer: home.issuer, audience: AUDIENCE });
    const expired = await resign(annaToken, home.signingKey, { claims: { iat: now() - 3600, exp: now() - 600 } });
    expect(await refusal(verify, expired)).toBe('expired');
    const early = await resign(annaToken, home.signingKey, { claims: { nbf: now() + 600 } });
    expect(await refusal(verify, early)).toBe('expired');
    const endless = await resign(annaToken, home.signingKey, { claims: { exp: undefined } });
    expect(await refusal(verify, endless)).toBe('malformed');
  });

  it('refuses a token the same provider issued for another API', async () => {
    const verify = createTokenVerifier({ issuer: home.issuer, audience: AUDIENCE });
    const other = await signIn({ issuer: home.issuer, clientId: TEST_CLIENT_ID, subject: 'anna', resource: OTHER_API });
    expect(decode(other).aud).toBe(OTHER_API);
    expect(await refusal(verify, other)).toBe('audience');
  });

  it('refuses tokens from another issuer, whether it shares the signing keys or not', async () => {
    const verify = createTokenVerifier({ issuer: home.issuer, audience: AUDIENCE });
    const siblingToken = await signIn({ issuer: sibling.issuer, clientId: TEST_CLIENT_ID, subject: 'anna' });
    expect(await refusal(verify, siblingToken)).toBe('issuer');
    const strangerToken = await signIn({ issuer: stranger.issuer, clientId: TEST_CLIENT_ID, subject: 'anna' });
    expect(await refusal(verify, strangerToken)).toBe('signature');
  });

  it('refuses malformed and missing tokens, and tokens that are not access tokens', async () => {
    const verify = createTokenVerifier({ issuer: home.issuer, audience: AUDIENCE });
    for (const token of ['abc', 'a.b.c', `${annaToken}.x.y`, 'x'.repeat(20_000)])
      expect(await refusal(verify, token)).toBe('malformed');
    // Cut short, the signature no longer matches.
    expect(await refusal(verify, annaToken.slice(0, -10))).toBe('signature');
    expect(await refusal(verify, '')).toBe('missing');
    const logout = await resign(annaToken, home.signingKey, { header: { typ: 'logout+jwt' } });
    expect(await refusal(verify, logout)).toBe('malformed');
    // Entra ID and Keycloak type their access tokens plain JWT.
    expect(await verify(await resign(annaToken, home.signingKey, { header: { typ: 'JWT' } }))).toEqual({
      subject: 'anna',
    });
  });

  it('answers unavailable while the issuer cannot be reached, and recovers once it can', async () => {
    const closed = createServer();
    const port = await listenOnLoopback(closed);
    await closeServer(closed);
    const verify = createTokenVerifier({ issuer: `http://127.0.0.1:${port}`, audience: AUDIENCE });
    expect(await refusal(verify, annaToken)).toBe('unavailable');
    const late = await startTestIssuer({ audiences: [AUDIENCE], users: USERS, port });
    try {
      const token = await signIn({ issuer: late.issuer, clientId: TEST_CLIENT_ID, subject: 'anna' });
      expect(await verify(token)).toEqual({ subject: 'anna' });
    } finally {
      await late.close();
    }
  });

  it('answers unavailable when the key set cannot be fetched, or the issuer names itself differently', async () => {
    const fetched: string[] = [];
    const noKeys = createTokenVerifier({
      issuer: home.issuer,
      audience: AUDIENCE,
      fetch: (input, init) => {
        fetched.push(String(input));
        return String(input).includes('/jwks')
          ? Promise.resolve(new Response('', { status: 503 }))
          : fetch(input, init);
      },
    });
    expect(await refusal(noKeys, annaToken)).toBe('unavailable');
    expect(fetched).toEqual([`${home.issuer}/.well-known/openid-configuration`, `${home.issuer}/jwks`]);
    // Discovery requires the exact issuer string: a trailing slash is another issuer.
    const misnamed = createTokenVerifier({ issuer: `${home.issuer}/`, audience: AUDIENCE });
    expect(await refusal(misnamed, annaToken)).toBe('unavailable');
  });

  it('refuses an issuer that is not https, except on loopback', () => {
    // Refused as it is made, before any request: nothing goes to that address.
    expect(() => createTokenVerifier({ issuer: 'http://login.example.org', audience: AUDIENCE })).toThrow(/https/);
  });

  it('fetches the keys once and reuses them', async () => {
    const issuer = await startTestIssuer({ audiences: [AUDIENCE], users: USERS });
    try {
      const verify = createTokenVerifier({ issuer: issuer.issuer, audience: AUDIENCE });
      const tokens = [
        await signIn({ issuer: issuer.issuer, clientId: TEST_CLIENT_ID, subject: 'anna' }),
        await signIn({ issuer: issuer.issuer, clientId: TEST_CLIENT_ID, subject: 'bob' }),
      ];
      expect(issuer.jwksRequests()).toBe(0);
      for (let round = 0; round < 5; round += 1)
        for (const token of tokens) expect((await verify(token)).subject).toMatch(/^(anna|bob)$/);
      expect(issuer.jwksRequests()).toBe(1);
    } finally {
      await issuer.close();
    }
  });
});

describe('verified tokens remembered', () => {
  it('checks a token’s signature once while it is valid, and refuses it once it has expired', async () => {
    const verify = createTokenVerifier({ issuer: home.issuer, audience: AUDIENCE });
    const short = await resign(annaToken, home.signingKey, { claims: { iat: now(), exp: now() + 120 } });
    const checks = vi.spyOn(globalThis.crypto.subtle, 'verify');
    try {
      for (let round = 0; round < 3; round += 1) expect(await verify(short)).toEqual({ subject: 'anna' });
      expect(checks).toHaveBeenCalledTimes(1);
      expect(await verify(annaToken)).toEqual({ subject: 'anna' });
      expect(checks).toHaveBeenCalledTimes(2);

      // Past exp and the clock tolerance: checked again, and refused.
      vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 10 * 60_000 });
      expect(await refusal(verify, short)).toBe('expired');
      expect(checks).toHaveBeenCalledTimes(3);
    } finally {
      vi.useRealTimers();
      checks.mockRestore();
    }
  });

  it('never remembers a refused token', async () => {
    const verify = createTokenVerifier({ issuer: home.issuer, audience: AUDIENCE });
    const forged = await resign(annaToken, await otherKeyLike(home.signingKey));
    expect(await refusal(verify, forged)).toBe('signature');
    expect(await refusal(verify, forged)).toBe('signature');
  });
});

describe('bearerToken', () => {
  it('reads the token of a Bearer header and refuses anything else', () => {
    expect(bearerToken('Bearer abc.def-_.ghi')).toBe('abc.def-_.ghi');
    expect(bearerToken('bearer abc')).toBe('abc');
    for (const [header, reason] of [
      [undefined, 'missing'],
      ['', 'missing'],
      ['Basic dXNlcjpwYXNz', 'malformed'],
      ['Bearer', 'malformed'],
      ['Bearer a b', 'malformed'],
    ] as const)
      expect(() => bearerToken(header)).toThrow(expect.objectContaining({ reason }));
  });
});

function decode(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
}

function b64(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
