// Synthetic JWT credentials shaped like RingCentral's (checked against public samples: header
// {"kid":…,"typ":"JWT","alg":"RS256"}, aud "<server>/restapi/oauth/token", iss "<server>", "no expiry" =
// iat + 2^31 − 1 s, a 342-character RS256 signature). None of them is a real credential.
import { createHash } from 'node:crypto';

export const PRODUCTION = 'https://platform.ringcentral.com';
export const SANDBOX = 'https://platform.devtest.ringcentral.com';
export const PARTNER = 'https://platform.ringcentral.biz';

/** 2025-01-15 12:00 UTC. */
export const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);
export const NOW_S = Math.floor(NOW / 1000);

const part = (value: unknown): string => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

/** A deterministic signature-shaped string (not a signature). */
export function fakeSignature(length = 342, seed = 'x'): string {
  let out = '';
  for (let i = 0; out.length < length; i++) {
    out += createHash('sha256').update(`${seed}${i}`).digest('base64url');
  }
  return out.slice(0, length);
}

export function rcHeader(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { kid: '0123456789abcdef0123456789abcdef', typ: 'JWT', alg: 'RS256', ...overrides };
}

/** The claims of a credential the Developer Console made for `server`, with "no expiry" unless exp is given. */
export function rcClaims(server = PRODUCTION, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const iat = NOW_S - 30 * 86_400;
  return {
    aud: `${server}/restapi/oauth/token`,
    sub: '400123456789',
    iss: server,
    exp: iat + 2_147_483_647,
    iat,
    jti: 'AbCdEfGhIjKlMnOpQrStUv',
    ...overrides,
  };
}

export function jwt(
  header: Record<string, unknown> = rcHeader(),
  claims: Record<string, unknown> = rcClaims(),
  signature = fakeSignature(),
): string {
  return `${part(header)}.${part(claims)}.${signature}`;
}

/** A RingCentral-looking access token: base64 of "SJC01P04PAS00|" and opaque bytes, no dots. */
export function regionToken(region = 'SJC01P04PAS00'): string {
  return Buffer.concat([Buffer.from(`${region}|`), createHash('sha512').update(region).digest()])
    .toString('base64')
    .replace(/=+$/, '');
}
