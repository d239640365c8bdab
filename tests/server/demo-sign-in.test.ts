import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLIENT_ID, startDemoSignIn, type DemoSignIn } from '../../server/demo/sign-in';
import { createTokenVerifier } from '../../server/identity/verify';
import { signIn } from './oidc';

const AUDIENCE = 'api://koers-team-server';
const USERS = [
  { subject: 'demo-anna', name: 'Anna de Vries' },
  { subject: 'demo-bo', name: 'Bo Jensen' },
  { subject: 'demo-kim', name: '<b>Kim</b> & co' },
];

let demo: DemoSignIn;

beforeAll(async () => {
  demo = await startDemoSignIn({ audience: AUDIENCE, users: USERS });
});

afterAll(async () => {
  await demo?.close();
});

describe('startDemoSignIn', () => {
  it('signs in a made-up user picked on its page, with a token the team server accepts', async () => {
    const pages: string[] = [];
    const token = await signIn({
      issuer: demo.issuer,
      clientId: DEMO_CLIENT_ID,
      subject: 'demo-bo',
      onPage: (html) => pages.push(html),
    });
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('Bo Jensen');
    expect(pages[0]).toContain('Demo — not for real data');
    expect(pages[0]).not.toMatch(/type="password"/);
    // Names are text, never markup.
    expect(pages[0]).toContain('&lt;b&gt;Kim&lt;/b&gt; &amp; co');
    const verify = createTokenVerifier({ issuer: demo.issuer, audience: AUDIENCE });
    expect(await verify(token)).toEqual({ subject: 'demo-bo' });
  });

  it('accepts the app on any loopback port (RFC 8252)', async () => {
    const verify = createTokenVerifier({ issuer: demo.issuer, audience: AUDIENCE });
    for (const redirectPort of [50_001, 61_234]) {
      const token = await signIn({ issuer: demo.issuer, clientId: DEMO_CLIENT_ID, subject: 'demo-anna', redirectPort });
      expect(await verify(token)).toEqual({ subject: 'demo-anna' });
    }
  });

  it('speaks Dutch, Danish or English by Accept-Language', async () => {
    const banners = { 'nl-NL,nl;q=0.9': 'niet voor echte gegevens', 'da-DK,da;q=0.9': 'ikke til rigtige data' };
    for (const [acceptLanguage, banner] of Object.entries(banners)) {
      let html = '';
      await signIn({
        issuer: demo.issuer,
        clientId: DEMO_CLIENT_ID,
        subject: 'demo-anna',
        acceptLanguage,
        onPage: (page) => (html = page),
      });
      expect(html).toContain(banner);
      expect(html).toContain(`lang="${acceptLanguage.slice(0, 2)}"`);
    }
  });

  it('sends the app access_denied when the user cancels', async () => {
    // The driver presses the button whose value it is given: Cancel's is 1.
    await expect(signIn({ issuer: demo.issuer, clientId: DEMO_CLIENT_ID, subject: '1' })).rejects.toThrow(
      /callback\?error=access_denied/,
    );
  });

  it('refuses a redirect off this machine and a request without PKCE', async () => {
    const challenge = createHash('sha256').update(randomBytes(32).toString('base64url')).digest('base64url');
    const ask = (params: Record<string, string>) =>
      fetch(
        `${demo.issuer}/auth?${new URLSearchParams({ client_id: DEMO_CLIENT_ID, response_type: 'code', scope: 'openid sync', ...params })}`,
        {
          redirect: 'manual',
          signal: AbortSignal.timeout(5_000),
        },
      );
    const offMachine = await ask({
      redirect_uri: 'http://192.168.1.20:8080/callback',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    expect(offMachine.status).toBe(400);
    expect(await offMachine.text()).toContain('redirect_uri');
    const noPkce = await ask({ redirect_uri: 'http://127.0.0.1:50000/callback' });
    // The refusal goes back to the app, as OAuth errors do.
    expect(noPkce.status).toBe(303);
    expect(noPkce.headers.get('location')).toMatch(/^http:\/\/127\.0\.0\.1:50000\/callback\?error=invalid_request/);
  });

  it('refuses to listen anywhere but 127.0.0.1', async () => {
    for (const host of ['0.0.0.0', '::', 'localhost', '192.168.1.20'])
      await expect(startDemoSignIn({ host, audience: AUDIENCE, users: USERS })).rejects.toThrow(
        /only listens on 127\.0\.0\.1/,
      );
  });
});
