/**
 * Token verification with jose. In AWS the Cognito user pool signs tokens and its JWKS verifies
 * them (fetched on first use and cached, so nothing touches the network at import); locally a
 * key generated once under .data/ signs demo tokens and verifies them.
 */
import {
  SignJWT,
  createLocalJWKSet,
  createRemoteJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
  jwtVerify,
  type JWK,
  type JWTPayload,
} from 'jose';
import { UnauthenticatedError } from '#core/errors.ts';
import { say } from '#core/messages.ts';

export interface VerifiedIdentity {
  /** The token's subject: the person's stable id. */
  sub: string;
  /** When the token expires, in epoch seconds (its `exp`); null if it has none. */
  expiresAt: number | null;
}

export interface TokenVerifier {
  verify(token: string): Promise<VerifiedIdentity>;
}

export const LOCAL_ISSUER = 'urn:krom:local';
export const LOCAL_AUDIENCE = 'urn:krom:api';
const ALGORITHM = 'ES256';

function identityOf(payload: JWTPayload): VerifiedIdentity {
  if (!payload.sub) throw new UnauthenticatedError(say.tokenNoSubject);
  return { sub: payload.sub, expiresAt: payload.exp ?? null };
}

/**
 * Remembers tokens already verified, until they expire. A signature, once checked, stays valid;
 * only time can end a token, so a remembered one is checked against the clock on every use. An
 * ES256/RS256 check costs ~0.3 ms of CPU per request through WebCrypto — the largest part of
 * Krom's own overhead on a small query — and a client sends the same token for an hour. Only
 * successes are kept, at most `max` of them (oldest forgotten first), keyed by the whole token.
 */
export function rememberingVerifier(
  inner: TokenVerifier,
  options: { max?: number; nowSeconds?: () => number } = {},
): TokenVerifier {
  const max = options.max ?? 1000;
  const nowSeconds = options.nowSeconds ?? (() => Date.now() / 1000);
  const verified = new Map<string, VerifiedIdentity>();
  return {
    async verify(token) {
      const known = verified.get(token);
      if (known && known.expiresAt !== null && nowSeconds() < known.expiresAt) return known;
      if (known) verified.delete(token);
      const identity = await inner.verify(token);
      if (identity.expiresAt !== null) {
        if (verified.size >= max) verified.delete(verified.keys().next().value!);
        verified.set(token, identity);
      }
      return identity;
    },
  };
}

/** Anything jose rejects (expired, wrong issuer, bad signature, garbage) is the same to a client. */
async function verifyOrRefuse<T>(check: () => Promise<T>): Promise<T> {
  try {
    return await check();
  } catch (error) {
    if (error instanceof UnauthenticatedError) throw error;
    throw new UnauthenticatedError(say.tokenInvalid);
  }
}

/**
 * Verifies Cognito tokens. Access tokens carry the app client in `client_id`, ID tokens in `aud`;
 * either must name this API's client.
 */
export function cognitoVerifier(config: { issuer: string; clientId: string }): TokenVerifier {
  const jwks = createRemoteJWKSet(new URL(`${config.issuer}/.well-known/jwks.json`));
  return {
    verify: (token) =>
      verifyOrRefuse(async () => {
        const { payload } = await jwtVerify(token, jwks, { issuer: config.issuer, algorithms: ['RS256'] });
        const audience = [payload.aud ?? []].flat();
        if (payload.client_id !== config.clientId && !audience.includes(config.clientId)) {
          throw new UnauthenticatedError(say.tokenWrongAudience);
        }
        return identityOf(payload);
      }),
  };
}

/** Verifies tokens signed by the local key (dev server and tests). */
export function localVerifier(publicJwk: JWK): TokenVerifier {
  const jwks = createLocalJWKSet({ keys: [{ ...publicJwk, alg: ALGORITHM }] });
  return {
    verify: (token) =>
      verifyOrRefuse(async () => {
        const { payload } = await jwtVerify(token, jwks, {
          issuer: LOCAL_ISSUER,
          audience: LOCAL_AUDIENCE,
          algorithms: [ALGORITHM],
        });
        return identityOf(payload);
      }),
  };
}

export interface LocalKeyPair {
  privateJwk: JWK;
  publicJwk: JWK;
}

export async function generateLocalKeyPair(): Promise<LocalKeyPair> {
  const { privateKey, publicKey } = await generateKeyPair(ALGORITHM, { extractable: true });
  return { privateJwk: await exportJWK(privateKey), publicJwk: await exportJWK(publicKey) };
}

/** Signs a local token for `sub`, valid for `ttlSeconds`. */
export async function signLocalToken(
  privateJwk: JWK,
  sub: string,
  ttlSeconds: number,
  now = new Date(),
): Promise<string> {
  const key = await importJWK(privateJwk, ALGORITHM);
  const iat = Math.floor(now.getTime() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: ALGORITHM })
    .setSubject(sub)
    .setIssuer(LOCAL_ISSUER)
    .setAudience(LOCAL_AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttlSeconds)
    .sign(key);
}
