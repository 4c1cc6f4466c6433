// PKCE (RFC 7636) and state: 32 random bytes each from the OS CSPRNG, base64url-encoded.
import type * as NodeCrypto from 'node:crypto';

// Required on first use: loading node:crypto costs more than the rest of the extension's load, and activation needs none.
const crypto = (): typeof NodeCrypto => require('node:crypto');

export interface PkcePair {
  verifier: string;
  challenge: string;
  method: 'S256';
}

export function base64Url(bytes: Buffer): string {
  return bytes.toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function s256Challenge(verifier: string): string {
  return base64Url(crypto().createHash('sha256').update(verifier, 'ascii').digest());
}

export function createPkcePair(): PkcePair {
  // 32 bytes → 43 characters, inside RFC 7636's 43..128 range.
  const verifier = base64Url(crypto().randomBytes(32));
  return { verifier, challenge: s256Challenge(verifier), method: 'S256' };
}

export function createState(): string {
  return base64Url(crypto().randomBytes(24));
}
