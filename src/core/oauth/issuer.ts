// RFC 9207: an authorization server may name itself in the callback (`iss`). RingCentral does not send it today
// (facts file: unconfirmed); when a callback carries it, it must name the server this sign-in talks to, or the
// code came from another authorization server than the one about to receive it (a mix-up).
import { classifyServer } from '../ringcentral/serverTrust';
import { IssuerMismatchError } from '../errors';

function normalized(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`.replace(/\/+$/, '').toLowerCase();
  } catch {
    return undefined;
  }
}

/** RingCentral-owned domains; an issuer there is the same party as a RingCentral API server. */
function isRingCentralIssuer(issuer: string): boolean {
  try {
    const url = new URL(issuer);
    const host = url.hostname.toLowerCase();
    return url.protocol === 'https:' && /(^|\.)ringcentral\.(com|biz)$/.test(host);
  } catch {
    return false;
  }
}

/**
 * True when `iss` names `server`: the same base URL (or origin), or — for RingCentral's own API hosts, whose
 * issuer identifier is not documented — any https issuer on RingCentral's domains.
 */
export function issuerMatches(issuer: string, server: string): boolean {
  const iss = normalized(issuer);
  const base = normalized(server);
  if (!iss || !base) return false;
  if (iss === base || iss === normalized(new URL(server).origin)) return true;
  return classifyServer(server).kind === 'ringcentral' && isRingCentralIssuer(issuer);
}

/** Throws IssuerMismatchError when a callback names another issuer; no `iss` is accepted (RingCentral sends none). */
export function checkCallbackIssuer(issuer: string | undefined, server: string): void {
  if (issuer !== undefined && !issuerMatches(issuer, server)) throw new IssuerMismatchError(issuer, server);
}
