import { createRemoteJWKSet, customFetch, errors, jwtVerify } from 'jose';
import type { FetchImplementation, JWSHeaderParameters, FlattenedJWSInput } from 'jose';
import { z } from 'zod';

/**
 * Why a token was refused. 'expired' also covers "not yet valid" (nbf, iat in the future);
 * 'unavailable' means the issuer or its keys could not be reached — the caller should answer 503, not 401.
 */
export type RefusalReason =
  'missing' | 'malformed' | 'signature' | 'expired' | 'audience' | 'issuer' | 'claim' | 'unavailable';

/** A refused token. The message never contains the token or its claims, so it is safe to log. */
export class TokenRefused extends Error {
  override readonly name = 'TokenRefused';
  constructor(
    readonly reason: RefusalReason,
    message: string,
  ) {
    super(message);
  }
}

export type TokenVerifier = (token: string) => Promise<{ subject: string }>;

export type TokenVerifierOptions = {
  /** The issuer URL exactly as it appears in the tokens' `iss` and in the discovery document. */
  issuer: string;
  /** The team server's API identifier, as the tokens' `aud` carries it. */
  audience: string;
  /** The claim that names the caseworker's account (default `sub`). */
  claim?: string;
  /** For discovery and key requests; the global fetch by default. */
  fetch?: typeof globalThis.fetch;
};

/** Asymmetric signatures only: no 'none', and no HS* (a shared secret would let any holder mint tokens). */
const ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
  'Ed25519',
];
/** RFC 9068 access tokens say at+jwt; Entra ID and Keycloak say JWT. */
const TOKEN_TYPES = new Set(['at+jwt', 'application/at+jwt', 'jwt']);
const CLOCK_TOLERANCE_SECONDS = 30;
const DISCOVERY_TIMEOUT_MS = 5_000;
/** Real access tokens are a few KB; anything far larger is not one. */
const MAX_TOKEN_LENGTH = 16_384;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);
/** Verified tokens remembered (see createTokenVerifier): a few per member of the teams on one server. */
const REMEMBERED_TOKENS = 2_000;

const discoverySchema = z.object({ issuer: z.string(), jwks_uri: z.url() });

/** https, or plain http only on this machine (tests, the demo). */
function requireSafeUrl(value: string, what: string): URL {
  const url = URL.parse(value);
  if (!url || !(url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))))
    throw new Error(`The ${what} must be an https URL (plain http only on 127.0.0.1): ${value}`);
  return url;
}

/**
 * Verifies OpenID Connect JWT access tokens of one issuer for one audience. The issuer is discovered on
 * first use (and again after a failure, so the server can start while the issuer is down); its keys are
 * fetched once and cached by jose, refetched only for an unknown key id (key rotation).
 *
 * A laptop sends the same token with every request until it expires, and everything checked is in the
 * token itself: a verified token is remembered until its `exp` (the most recent REMEMBERED_TOKENS),
 * so its signature is checked once, not at every push and pull.
 */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const { issuer, audience, claim = 'sub' } = options;
  const fetchImpl = options.fetch ?? globalThis.fetch;
  requireSafeUrl(issuer, 'issuer');
  let keys: Promise<ReturnType<typeof createRemoteJWKSet>> | undefined;

  async function discover(): Promise<ReturnType<typeof createRemoteJWKSet>> {
    const address = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    let body: unknown;
    try {
      const response = await fetchImpl(address, {
        redirect: 'manual',
        signal: AbortSignal.timeout(DISCOVERY_TIMEOUT_MS),
        headers: { accept: 'application/json' },
      });
      if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
      body = await response.json();
    } catch (error) {
      throw new TokenRefused('unavailable', `The issuer's discovery document could not be read (${String(error)})`);
    }
    const document = discoverySchema.safeParse(body);
    if (!document.success) throw new TokenRefused('unavailable', "The issuer's discovery document is not valid");
    // OpenID Connect Discovery 1.0 §4.3: the document must name exactly the issuer we asked.
    if (document.data.issuer !== issuer)
      throw new TokenRefused('unavailable', `The discovery document names another issuer: ${document.data.issuer}`);
    const jwksUri = requireSafeUrl(document.data.jwks_uri, 'jwks_uri');
    return createRemoteJWKSet(jwksUri, { [customFetch]: fetchImpl as FetchImplementation });
  }

  async function key(header: JWSHeaderParameters, input: FlattenedJWSInput) {
    keys ??= discover();
    let jwks: ReturnType<typeof createRemoteJWKSet>;
    try {
      jwks = await keys;
    } catch (error) {
      keys = undefined;
      throw error;
    }
    try {
      return await jwks(header, input);
    } catch (error) {
      // No key for the token's kid or alg is about the token; anything else is about fetching the keys.
      if (
        error instanceof errors.JWKSNoMatchingKey ||
        error instanceof errors.JWKSMultipleMatchingKeys ||
        error instanceof errors.JOSENotSupported
      )
        throw error;
      throw new TokenRefused('unavailable', "The issuer's keys could not be fetched");
    }
  }

  const remembered = new Map<string, { subject: string; expiresAt: number }>();
  const remember = (token: string, subject: string, exp: number | undefined) => {
    if (exp === undefined) return;
    if (remembered.size >= REMEMBERED_TOKENS) remembered.delete(remembered.keys().next().value ?? '');
    remembered.set(token, { subject, expiresAt: exp * 1000 });
  };

  return async (token) => {
    if (token.length === 0) throw new TokenRefused('missing', 'No access token');
    if (token.length > MAX_TOKEN_LENGTH) throw new TokenRefused('malformed', 'The access token is too long');
    const known = remembered.get(token);
    if (known && Date.now() < known.expiresAt) return { subject: known.subject };
    if (known) remembered.delete(token);
    let verified: Awaited<ReturnType<typeof jwtVerify>>;
    try {
      verified = await jwtVerify(token, key, {
        issuer,
        audience,
        algorithms: ALGORITHMS,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp'],
      });
    } catch (error) {
      throw refusal(error);
    }
    const type = verified.protectedHeader.typ?.toLowerCase();
    if (type === undefined || !TOKEN_TYPES.has(type))
      throw new TokenRefused('malformed', `Not an access token (typ ${String(verified.protectedHeader.typ)})`);
    const subject = verified.payload[claim];
    if (typeof subject !== 'string' || subject.length === 0)
      throw new TokenRefused('claim', `The token has no ${claim} claim`);
    remember(token, subject, verified.payload.exp);
    return { subject };
  };
}

/** Translates jose's errors into our reasons, dropping their details (they may hold claims). */
function refusal(error: unknown): TokenRefused {
  if (error instanceof TokenRefused) return error;
  if (error instanceof errors.JWTExpired) return new TokenRefused('expired', 'The token has expired');
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return new TokenRefused('audience', 'The token is for another audience');
    if (error.claim === 'iss') return new TokenRefused('issuer', 'The token is from another issuer');
    if ((error.claim === 'nbf' || error.claim === 'iat') && error.reason === 'check_failed')
      return new TokenRefused('expired', 'The token is not valid yet');
    return new TokenRefused('malformed', `The token's ${error.claim} claim is missing or invalid`);
  }
  if (
    error instanceof errors.JWSSignatureVerificationFailed ||
    error instanceof errors.JWKSNoMatchingKey ||
    error instanceof errors.JWKSMultipleMatchingKeys ||
    error instanceof errors.JOSEAlgNotAllowed
  )
    return new TokenRefused('signature', 'The token is not signed by the issuer');
  return new TokenRefused('malformed', 'The access token is not a valid JWT');
}

/** The token of an `Authorization: Bearer …` header (RFC 6750 §2.1). */
export function bearerToken(header: string | undefined): string {
  if (header === undefined || header.trim() === '') throw new TokenRefused('missing', 'No Authorization header');
  const match = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i.exec(header);
  if (!match?.[1]) throw new TokenRefused('malformed', 'The Authorization header is not "Bearer <token>"');
  return match[1];
}
