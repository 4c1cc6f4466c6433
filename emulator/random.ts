import { randomBytes } from 'node:crypto';

export function base64Url(bytes: Buffer): string {
  return bytes.toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Opaque random token text. */
export function randomToken(bytes = 32): string {
  return base64Url(randomBytes(bytes));
}

export function randomDigits(length: number): string {
  let out = '';
  for (const byte of randomBytes(length)) {
    out += String(byte % 10);
  }
  return out.replace(/^0/, '1');
}
