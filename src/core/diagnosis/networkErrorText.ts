// For parseFailureText(): Node, undici and browser network errors in a paste (ECONNREFUSED, getaddrinfo ENOTFOUND,
// "Failed to fetch"…), as a transport Failure.
import type { TransportErrorCode } from '../errors';
import type { Failure } from './types';

/**
 * A transport failure's signature: a plain regex, and optionally word pairs that must share one line
 * ("407 … proxy"). Pairs are tested word by word, line by line, never as `a.*b`: that rescans the rest of
 * the line at every "407 " (quadratic; 16 s on a 200k paste of "407 407 …").
 */
interface TransportPattern {
  code: TransportErrorCode;
  re: RegExp;
  pairs?: Array<[RegExp, RegExp]>;
}

const TRANSPORT_PATTERNS: TransportPattern[] = [
  { code: 'ECONNREFUSED', re: /\bECONNREFUSED\b|connection refused/i },
  { code: 'ENOTFOUND', re: /\bENOTFOUND\b|\bEAI_AGAIN\b|getaddrinfo|name not resolved|ERR_NAME_NOT_RESOLVED/i },
  {
    code: 'PROXY',
    re: /proxy authentication required|tunneling socket|ERR_PROXY|proxy connection/i,
    pairs: [
      [/\b407\b/, /proxy/i],
      [/\bproxy\b/i, /fail|error|refused/i],
    ],
  },
  {
    code: 'TLS',
    re: /self[- ]signed certificate|unable to verify the first certificate|unable to get local issuer certificate|UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT|CERT_HAS_EXPIRED|ERR_TLS_CERT_ALTNAME_INVALID|certificate has expired|ERR_SSL|EPROTO/i,
    pairs: [
      [/\bSSL\b/i, /error|routines/i],
      [/\bTLS\b/i, /error|handshake|disconnected/i],
    ],
  },
  {
    code: 'TIMEOUT',
    re: /\bETIMEDOUT\b|\bESOCKETTIMEDOUT\b|UND_ERR_CONNECT_TIMEOUT|UND_ERR_HEADERS_TIMEOUT|timed? ?out|\btimeout\b|AbortError|operation was aborted/i,
  },
  {
    code: 'RESET',
    re: /socket hang up|\bECONNRESET\b|\bEPIPE\b|connection reset|ERR_CONNECTION_RESET|other side closed|UND_ERR_SOCKET/i,
  },
  {
    code: 'UNKNOWN',
    re: /\bENETUNREACH\b|\bEHOSTUNREACH\b|\bfetch failed\b|network error|Failed to fetch|ERR_INTERNET_DISCONNECTED/i,
  },
];

/** The first line that shows the pattern, or undefined. */
function lineWith(pattern: TransportPattern, text: string, lines: () => string[]): string | undefined {
  const pairs = (pattern.pairs ?? []).filter(([a, b]) => a.test(text) && b.test(text));
  if (!pattern.re.test(text) && pairs.length === 0) {
    return undefined;
  }
  return lines().find((line) => pattern.re.test(line) || pairs.some(([a, b]) => a.test(line) && b.test(line)));
}

export function fromTransportText(text: string): Failure | undefined {
  let split: string[] | undefined;
  const lines = (): string[] => (split ??= text.split(/\r?\n/));
  for (const pattern of TRANSPORT_PATTERNS) {
    const firstLine = lineWith(pattern, text, lines);
    if (firstLine !== undefined) {
      const url = /\bhttps?:\/\/[^\s"'<>)\]]+/i.exec(text)?.[0];
      return {
        kind: 'transport',
        code: pattern.code,
        message: firstLine.trim().slice(0, 1000),
        ...(url ? { url: url.replace(/[.,;:]+$/, '') } : {}),
      };
    }
  }
  return undefined;
}
