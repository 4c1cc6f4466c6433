// JWT credentials as the Developer Console creates them for a user, and their check at the token endpoint.
// Their shape was read from real RingCentral credentials published in public repositories: header
// {"kid":<32 hex>,"typ":"JWT","alg":"RS256"}, claims {aud: <server>/restapi/oauth/token, sub: <extension id>,
// iss: <server>, exp, iat, jti}. A credential that "never expires" still has `exp` = iat + 2^31 − 1 s; one with an
// expiry chosen at creation has that `exp`. The emulator signs with random bytes: a credential is genuine when it
// is one this emulator created, byte for byte.
import { randomBytes } from 'node:crypto';
import { oauthErrors } from './errors';
import { base64Url, randomToken } from './random';
import { DemoUser } from './types';

export type JwtVariant = 'valid' | 'expired' | 'wrongAudience' | 'hs256';
export const JWT_VARIANTS: readonly JwtVariant[] = ['valid', 'expired', 'wrongAudience', 'hs256'];

/** What RingCentral puts in `exp - iat` for a credential created without an expiry. */
export const NO_EXPIRY_SECONDS = 2147483647;
/** The server a `wrongAudience` credential names: the sandbox, as when a sandbox credential is used on production. */
export const OTHER_SERVER = 'https://platform.devtest.ringcentral.com';
const EXPIRED_AGO_SECONDS = 86400;
const MAX_ASSERTION_CHARS = 16 * 1024;

export interface JwtCredentialOptions {
  /** Restrict it to one app (the console's "Only specific apps of my choice"); any app of the account when absent. */
  clientId?: string;
  /** The user's id; the default user (Ada) when absent. */
  user?: string;
  variant?: JwtVariant;
  /** Expiry chosen at creation, in seconds from now; never (2^31 − 1 s) when absent. Only for `valid`. */
  expiresInSeconds?: number;
}

export interface JwtCredentialInfo {
  credential: string;
  userId: string;
  clientId: string | null;
  variant: JwtVariant;
  /** Seconds since the epoch, on the emulator's clock (the `iat` and `exp` claims). */
  issuedAt: number;
  expiresAt: number;
  audience: string;
}

interface Claims {
  aud?: unknown;
  sub?: unknown;
  iss?: unknown;
  exp?: unknown;
}

function encodeJson(value: unknown): string {
  return base64Url(Buffer.from(JSON.stringify(value), 'utf8'));
}

function decodeJson(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Header and claims of anything shaped like a JWT, read without trusting it; undefined for anything else. */
function decode(assertion: string | undefined): { header: Record<string, unknown>; claims: Claims } | undefined {
  if (!assertion || assertion.length > MAX_ASSERTION_CHARS) {
    return undefined;
  }
  const parts = assertion.split('.');
  if (parts.length !== 3 || !parts.every((part) => /^[A-Za-z0-9_-]+$/.test(part))) {
    return undefined;
  }
  const header = decodeJson(parts[0]);
  const claims = decodeJson(parts[1]);
  return header && claims ? { header, claims } : undefined;
}

export function validateJwtOptions(value: unknown): JwtCredentialOptions {
  if (value === undefined || value === null) {
    return {};
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new Error('Expected {clientId?, user?, variant?, expiresInSeconds?}');
  }
  const { clientId, user, variant, expiresInSeconds } = value as Record<string, unknown>;
  if (clientId !== undefined && clientId !== '' && typeof clientId !== 'string') {
    throw new Error('clientId must be a string');
  }
  if (user !== undefined && user !== '' && typeof user !== 'string') {
    throw new Error('user must be a user id (a string)');
  }
  if (variant !== undefined && variant !== '' && !JWT_VARIANTS.includes(variant as JwtVariant)) {
    throw new Error(`variant must be one of: ${JWT_VARIANTS.join(', ')}`);
  }
  const seconds =
    typeof expiresInSeconds === 'string' && expiresInSeconds !== '' ? Number(expiresInSeconds) : expiresInSeconds;
  if (seconds !== undefined && seconds !== '' && (!Number.isInteger(seconds) || (seconds as number) <= 0)) {
    throw new Error('expiresInSeconds must be a positive whole number of seconds');
  }
  const options: JwtCredentialOptions = {};
  if (typeof clientId === 'string' && clientId !== '') options.clientId = clientId;
  if (typeof user === 'string' && user !== '') options.user = user;
  if (typeof variant === 'string' && variant !== '') options.variant = variant as JwtVariant;
  if (typeof seconds === 'number') options.expiresInSeconds = seconds;
  if (options.expiresInSeconds !== undefined && (options.variant ?? 'valid') !== 'valid') {
    throw new Error('expiresInSeconds only goes with variant valid (expired credentials expired a day ago)');
  }
  return options;
}

export class JwtCredentials {
  /** credential → the client id it is restricted to (undefined: any app of the account). */
  private readonly credentials = new Map<string, string | undefined>();

  constructor(private readonly now: () => number) {}

  /** `issuer` is this emulator's base URL, which stands for the RingCentral server. */
  create(issuer: string, user: DemoUser, options: JwtCredentialOptions = {}): JwtCredentialInfo {
    const variant = options.variant ?? 'valid';
    const nowSeconds = Math.floor(this.now() / 1000);
    const server = variant === 'wrongAudience' ? OTHER_SERVER : issuer;
    const issuedAt = variant === 'expired' ? nowSeconds - 30 * 86400 : nowSeconds;
    const expiresAt =
      variant === 'expired'
        ? nowSeconds - EXPIRED_AGO_SECONDS
        : issuedAt + (options.expiresInSeconds ?? NO_EXPIRY_SECONDS);
    const alg = variant === 'hs256' ? 'HS256' : 'RS256';
    const header = { kid: randomBytes(16).toString('hex'), typ: 'JWT', alg };
    const claims = {
      aud: `${server}/restapi/oauth/token`,
      sub: user.id,
      iss: server,
      exp: expiresAt,
      iat: issuedAt,
      jti: randomToken(16),
    };
    // RS256 with a 2048-bit key signs 256 bytes; HMAC-SHA256 32.
    const signature = base64Url(randomBytes(alg === 'HS256' ? 32 : 256));
    const credential = `${encodeJson(header)}.${encodeJson(claims)}.${signature}`;
    this.credentials.set(credential, options.clientId);
    return {
      credential,
      userId: user.id,
      clientId: options.clientId ?? null,
      variant,
      issuedAt,
      expiresAt,
      audience: claims.aud,
    };
  }

  /** The user of a credential this emulator created (the rate limit counts per user), else undefined. */
  ownerOf(assertion: string | undefined): string | undefined {
    if (!assertion || !this.credentials.has(assertion)) {
      return undefined;
    }
    const sub = decode(assertion)?.claims.sub;
    return typeof sub === 'string' ? sub : undefined;
  }

  /**
   * The JWT grant's check, in the order a server can make it: the signing algorithm (readable without a key), the
   * signature, the audience, the expiry, the app restriction. Returns the user id or throws OAuthError.
   */
  verify(assertion: string | undefined, clientId: string, issuer: string): string {
    const decoded = decode(assertion);
    if (!decoded || !assertion) {
      throw oauthErrors.invalidJwt('The assertion is not a JWT credential');
    }
    if (decoded.header.alg !== 'RS256') {
      throw oauthErrors.jwtAlgorithmNotSupported();
    }
    if (!this.credentials.has(assertion)) {
      throw oauthErrors.invalidJwt('The JWT credential is not one this server issued');
    }
    const { aud, iss, exp, sub } = decoded.claims;
    if (aud !== `${issuer}/restapi/oauth/token` || iss !== issuer) {
      throw oauthErrors.invalidJwt('The JWT credential was issued for another server');
    }
    if (typeof exp === 'number' && exp * 1000 <= this.now()) {
      throw oauthErrors.invalidJwt('The JWT credential has expired');
    }
    const restrictedTo = this.credentials.get(assertion);
    if (restrictedTo !== undefined && restrictedTo !== clientId) {
      throw oauthErrors.invalidJwt();
    }
    if (typeof sub !== 'string') {
      throw oauthErrors.invalidJwt();
    }
    return sub;
  }
}
