// A pasted JWT credential, decoded and checked on this machine before it is sent: is it a JWT credential at all
// (or a client secret, a token, a client id…), is it for this server, signed the way RingCentral signs, not
// expired? The signature is not verified (RingCentral does that); nothing here touches the network.
// Bounded: the paste is capped (pastedCredential.ts), every scan is linear, nothing throws.
import { serverEnvironment, type ServerEnvironment } from '../diagnosis/developerConsole';
import {
  jwtProblem,
  type JwtProblem,
  type JwtProblemCode,
  type JwtProblemDetails,
} from '../diagnosis/local/jwtCredentialProblems';
import { bySeverity } from '../diagnosis/local/localDiagnosis';
import type { DiagnosisContext, JwtCredentialFacts } from '../diagnosis/types';
import { checkJwtServer, serverNamedBy } from '../ringcentral/environment';
import {
  classifyNotAJwt,
  cleanPastedCredential,
  isBase64UrlCode,
  type CleaningNote,
  type NotAJwtKind,
} from './pastedCredential';

export type { JwtProblem, JwtProblemCode } from '../diagnosis/local/jwtCredentialProblems';

/** The algorithm RingCentral signs its credentials with. */
export const RINGCENTRAL_JWT_ALGORITHM = 'RS256';
/** The Developer Console's "no expiry" is exp = iat + 2^31 − 1 seconds (about 68 years). */
const NO_EXPIRY_SECONDS = 2_147_483_647;
/** Beyond this, an `exp` is as good as never. */
const EFFECTIVELY_NEVER_MS = 30 * 365 * 86_400_000;
const EXPIRES_SOON_MS = 7 * 86_400_000;
/** An RS256 signature with RingCentral's 2048-bit key, in base64url. */
const RS256_SIGNATURE_LENGTH = 342;
/** Date's range; a larger `exp` cannot be shown as a date. */
const MAX_DATE_MS = 8.64e15;

export interface DecodedJwt {
  header: Readonly<Record<string, unknown>>;
  claims: Readonly<Record<string, unknown>>;
  /** `alg` from the header. */
  algorithm?: string;
  keyId?: string;
  /** `aud` as a list (empty when absent). */
  audience: readonly string[];
  issuer?: string;
  subject?: string;
  /** `iat`, `exp`, `nbf` in epoch ms. */
  issuedAt?: number;
  expiresAt?: number;
  notBefore?: number;
  /** No `exp`, the console's "no expiry", or an `exp` decades away. */
  neverExpires: boolean;
  signatureLength: number;
}

export interface JwtCheckedCredential extends DecodedJwt {
  ok: true;
  /** The cleaned value: what to send as `assertion` (never the raw paste). */
  credential: string;
  /** The server the credential names (aud, else iss), and its environment. */
  credentialServer?: string;
  credentialEnvironment?: ServerEnvironment;
  /** Warnings and notes: the request may go. */
  warnings: JwtProblem[];
}

export interface JwtRefusedCredential {
  ok: false;
  /** The most important problem: an error, so nothing is sent. */
  problem: JwtProblem;
  /** Further problems, errors first. */
  otherProblems: JwtProblem[];
  /** What could be decoded, when the paste was a JWT (an expired credential, one for another server…). */
  decoded?: DecodedJwt;
}

export type JwtCredentialCheck = JwtCheckedCredential | JwtRefusedCredential;

export interface JwtCheckOptions {
  /** The server the credential will be sent to (ringcentral.server or the profile's). */
  server?: string;
  /** Epoch ms. */
  now: number;
  /** For the explanations (client id, server); never needs the credential. */
  context?: DiagnosisContext;
}

const NOT_A_JWT_CODES: Record<NotAJwtKind, JwtProblemCode> = {
  empty: 'jwt-empty',
  'access-token': 'jwt-is-access-token',
  'refresh-token': 'jwt-is-refresh-token',
  'client-id': 'jwt-is-client-id',
  'client-secret': 'jwt-is-client-secret',
  password: 'jwt-is-password',
  url: 'jwt-is-url',
  text: 'jwt-not-a-jwt',
};

const CLEANING_WORDS: Record<CleaningNote, string> = {
  'quotes-removed': 'quotes around it removed',
  'name-removed': 'the NAME= (or "name":) in front of it removed',
  'whitespace-removed': 'line breaks inside it removed',
  'line-picked': 'the line holding the JWT taken from several lines',
  'bearer-removed': 'a leading "Bearer " removed',
};

export type JwtDecoding =
  { ok: true; decoded: DecodedJwt } | { ok: false; code: JwtProblemCode; details: JwtProblemDetails };

function decodeJsonPart(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** A NumericDate in seconds → epoch ms; undefined when it is not a finite number. */
function epochMs(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value * 1000 : undefined;
}

/** Splits and decodes a value already known to be made of base64url characters and dots. */
export function decodeJwt(value: string): JwtDecoding {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code !== 46 && !isBase64UrlCode(code))
      return { ok: false, code: 'jwt-malformed', details: { reason: 'characters' } };
  }
  const parts = value.split('.');
  if (parts.length === 5) return { ok: false, code: 'jwt-malformed', details: { reason: 'encrypted' } };
  if (parts.length !== 3)
    return { ok: false, code: 'jwt-malformed', details: { reason: 'parts', parts: parts.length } };
  const header = decodeJsonPart(parts[0]);
  if (!header) return { ok: false, code: 'jwt-malformed', details: { reason: 'header' } };
  const claims = decodeJsonPart(parts[1]);
  if (!claims) return { ok: false, code: 'jwt-malformed', details: { reason: 'payload' } };
  const aud = claims.aud;
  const audience =
    typeof aud === 'string' ? [aud] : Array.isArray(aud) ? aud.filter((a): a is string => typeof a === 'string') : [];
  const issuedAt = epochMs(claims.iat);
  const expiresAt = epochMs(claims.exp);
  const consoleNoExpiry =
    typeof claims.exp === 'number' &&
    typeof claims.iat === 'number' &&
    claims.exp - claims.iat >= NO_EXPIRY_SECONDS - 60;
  return {
    ok: true,
    decoded: {
      header,
      claims,
      algorithm: text(header.alg),
      keyId: text(header.kid),
      audience,
      issuer: text(claims.iss),
      subject: typeof claims.sub === 'number' ? String(claims.sub) : text(claims.sub),
      issuedAt,
      expiresAt,
      notBefore: epochMs(claims.nbf),
      neverExpires:
        expiresAt === undefined ||
        consoleNoExpiry ||
        expiresAt > MAX_DATE_MS ||
        (issuedAt !== undefined && expiresAt - issuedAt > EFFECTIVELY_NEVER_MS),
      signatureLength: parts[2].length,
    },
  };
}

/** The server the credential names: its first `aud` that is a URL, else `iss`. */
function namedServer(decoded: DecodedJwt): string | undefined {
  for (const claim of [...decoded.audience.slice(0, 20), ...(decoded.issuer ? [decoded.issuer] : [])]) {
    const server = serverNamedBy(claim);
    if (server) return server;
  }
  return undefined;
}

/** An OpenID id_token (or another sign-in token) rather than a credential for the token endpoint. */
function looksLikeIdToken(decoded: DecodedJwt): boolean {
  const claims = decoded.claims;
  if ('nonce' in claims || 'at_hash' in claims) return true;
  return 'azp' in claims && decoded.audience.length > 0 && decoded.audience.every((aud) => !aud.includes('://'));
}

function problemsOf(decoded: DecodedJwt, options: JwtCheckOptions, ctx: DiagnosisContext) {
  const problems: JwtProblem[] = [];
  const add = (code: JwtProblemCode, details: JwtProblemDetails = {}) => problems.push(jwtProblem(code, details, ctx));
  if (looksLikeIdToken(decoded)) add('jwt-is-id-token');
  const alg = decoded.algorithm;
  if (alg === undefined || /^(none|HS\d+)$/i.test(alg)) add('jwt-algorithm-refused', { algorithm: alg ?? 'none' });
  else if (alg !== RINGCENTRAL_JWT_ALGORITHM) add('jwt-algorithm-unconfirmed', { algorithm: alg.slice(0, 20) });
  if (decoded.signatureLength === 0) add('jwt-incomplete');
  else if (alg === RINGCENTRAL_JWT_ALGORITHM && decoded.signatureLength < RS256_SIGNATURE_LENGTH)
    add('jwt-signature-short', { length: decoded.signatureLength });
  const { expiresAt, notBefore } = decoded;
  const now = options.now;
  if (expiresAt !== undefined && !decoded.neverExpires) {
    if (expiresAt <= now) add('jwt-expired', { at: expiresAt, now });
    else if (expiresAt - now < EXPIRES_SOON_MS) add('jwt-expires-soon', { at: expiresAt, now });
  }
  if (notBefore !== undefined && notBefore < MAX_DATE_MS && notBefore > now + 60_000)
    add('jwt-not-yet-valid', { at: notBefore, now });
  let credentialServer: string | undefined;
  let credentialEnvironment: ServerEnvironment | undefined;
  if (options.server) {
    const check = checkJwtServer(options.server, { audience: decoded.audience, issuer: decoded.issuer }, ctx);
    ({ credentialServer, credentialEnvironment } = check);
    if (check.problem) problems.push(check.problem);
  } else {
    credentialServer = namedServer(decoded);
    credentialEnvironment = credentialServer ? serverEnvironment(credentialServer) : undefined;
  }
  return { problems, credentialServer, credentialEnvironment };
}

/** Decodes and checks a pasted JWT credential. Never throws; bounded time on any input. */
export function checkJwtCredential(paste: string, options: JwtCheckOptions): JwtCredentialCheck {
  const ctx: DiagnosisContext = {
    ...options.context,
    server: options.server ?? options.context?.server,
    grantType: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
  };
  try {
    const cleaned = cleanPastedCredential(paste);
    if ('tooLong' in cleaned) {
      return refused([jwtProblem('jwt-too-long', { length: cleaned.length }, ctx)]);
    }
    const notes = cleaned.notes.length
      ? [jwtProblem('jwt-paste-cleaned', { cleaned: cleaned.notes.map((note) => CLEANING_WORDS[note]) }, ctx)]
      : [];
    const value = cleaned.value;
    if (!value.includes('.')) {
      const kind = classifyNotAJwt(value, cleaned.name);
      return refused([jwtProblem(NOT_A_JWT_CODES[kind], { length: value.length }, ctx)]);
    }
    const decoding = decodeJwt(value);
    if (!decoding.ok) {
      // Every JWT starts with "ey" (base64 of '{"'); anything else with a dot in it is some other text.
      const problem = value.startsWith('ey')
        ? jwtProblem(decoding.code, decoding.details, ctx)
        : jwtProblem(NOT_A_JWT_CODES[classifyNotAJwt(value, cleaned.name)], { length: value.length }, ctx);
      return refused([problem]);
    }
    const decoded = decoding.decoded;
    const found = problemsOf(decoded, options, ctx);
    const all = bySeverity([...found.problems, ...notes]);
    if (all.some((problem) => problem.severity === 'error')) return refused(all, decoded);
    return {
      ok: true,
      credential: value,
      ...decoded,
      ...(found.credentialServer ? { credentialServer: found.credentialServer } : {}),
      ...(found.credentialEnvironment ? { credentialEnvironment: found.credentialEnvironment } : {}),
      warnings: all,
    };
  } catch {
    // Nothing above should throw; if it does, the paste is refused rather than sent unchecked.
    return refused([jwtProblem('jwt-unreadable', {}, ctx)]);
  }
}

function refused(problems: JwtProblem[], decoded?: DecodedJwt): JwtRefusedCredential {
  const [problem, ...otherProblems] = bySeverity(problems);
  return { ok: false, problem, otherProblems, ...(decoded ? { decoded } : {}) };
}

/** What RingCentral's answer to this credential should be explained with (DiagnosisContext.jwtCredential). */
export function jwtCredentialFacts(check: JwtCredentialCheck, now: number): JwtCredentialFacts {
  const decoded: DecodedJwt | undefined = check.ok ? check : check.decoded;
  if (!decoded) return {};
  const audienceServer = check.ok ? check.credentialServer : namedServer(decoded);
  return {
    ...(decoded.algorithm ? { algorithm: decoded.algorithm.slice(0, 20) } : {}),
    ...(audienceServer ? { audienceServer } : {}),
    ...(decoded.expiresAt !== undefined && !decoded.neverExpires
      ? { expiresAt: decoded.expiresAt, expired: decoded.expiresAt <= now }
      : {}),
  };
}
