import type { Configuration } from 'openid-client';
import type { SignInInfo } from '../../common/sync/protocol';
import type { SecretStore } from './secrets';
import { type BrowserSignInOptions, discover, refresh, SignInError, signInWithBrowser, type Tokens } from './sign-in';
import { fetchSignInInfo, SyncError, type TokenSource } from './transport';

/**
 * The laptop's sign-in to one team server: the access token in memory, the refresh token in the
 * secret store, a new access token fetched a minute before the old one expires — one refresh at a
 * time, since providers rotate refresh tokens and a second use of an old one signs the user out.
 */
export interface TeamSession {
  /** For the transport: the access token, or null when nobody is (or stays) signed in. */
  token: TokenSource;
  signIn(options: Omit<BrowserSignInOptions, 'now'>): Promise<void>;
  signOut(): Promise<void>;
  /** A refresh token is kept (in memory or stored): the session can go on without the browser. */
  hasSignIn(): Promise<boolean>;
}

const EARLY_MS = 60_000;

export function createTeamSession(deps: { serverUrl: string; secrets: SecretStore; now(): number }): TeamSession {
  let provider: { info: SignInInfo; config: Configuration } | null = null;
  let tokens: Tokens | null = null;
  let refreshing: Promise<string | null> | null = null;

  const configuration = async () => {
    if (provider) return provider;
    const info = await fetchSignInInfo(deps.serverUrl);
    provider = { info, config: await discover(info) };
    return provider;
  };

  const keep = async (next: Tokens) => {
    tokens = next;
    if (next.refreshToken) await deps.secrets.write(next.refreshToken);
  };

  const renew = async (): Promise<string | null> => {
    const refreshToken = tokens?.refreshToken ?? (await deps.secrets.read());
    if (!refreshToken) return null;
    try {
      const { info, config } = await configuration();
      const next = await refresh(info, config, refreshToken, deps.now());
      if (!next) {
        // The provider no longer accepts it (expired, revoked, the account disabled): signed out.
        tokens = null;
        await deps.secrets.clear();
        return null;
      }
      await keep(next);
      return next.accessToken;
    } catch (error) {
      if (error instanceof SignInError)
        throw new SyncError(error.problem === 'unreachable' ? 'offline' : 'signed-out', error.message);
      throw error;
    }
  };

  return {
    token: async () => {
      if (tokens && tokens.expiresAt - deps.now() > EARLY_MS) return tokens.accessToken;
      refreshing ??= renew().finally(() => {
        refreshing = null;
      });
      return refreshing;
    },
    async signIn(options) {
      const { info, config } = await configuration();
      await keep(await signInWithBrowser(info, config, { ...options, now: deps.now }));
    },
    async signOut() {
      tokens = null;
      await deps.secrets.clear();
    },
    hasSignIn: async () => Boolean(tokens?.refreshToken ?? (await deps.secrets.read())),
  };
}
