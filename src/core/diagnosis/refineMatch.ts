// After the first lookup (code → error → message → status): work out a code the paste does not show, and
// pick the meaning a code has where it happened. Each rule is from the facts file's corrections table.
import type { RingCentralErrorInfo } from '../ringcentral/ringcentralError';
import { callKind } from './callKind';
import { codeFromMessage } from './codeFromMessage';
import { CODE_IN_TEXT, GENERIC_TOP_LEVEL_CODES, normalizeCode } from './codePrefixes';
import type { KnowledgeEntry } from './entryKit';
import { findByCode } from './knowledgeBase';
import { accessTokenNotFound, bearerHeaderMissing } from './entries/restAccessEntries';
import type { DiagnosisContext } from './types';
import { subscriptionNotAllowed, webhookServerInvalid } from './entries/webhookEntries';

export interface Found {
  entry: KnowledgeEntry;
  code?: string;
}

export interface Evidence {
  context: DiagnosisContext;
  info?: RingCentralErrorInfo;
  /** The server's message and description (callback: error_description). */
  texts: ReadonlyArray<string | undefined>;
  /** The whole paste, when the failure came from pasted text. */
  pasted?: string;
  /** The OAuth `error` (body or callback): an inferred code must not contradict it. */
  error?: string;
}

function isGeneric(code: string | undefined): boolean {
  return code === undefined || GENERIC_TOP_LEVEL_CODES.has(code.toLowerCase());
}

/** The specific code behind a missing or family-only code: one named in the message, or one the message implies. */
function specificCode(found: Found, evidence: Evidence): string | undefined {
  if (!isGeneric(found.code)) {
    return undefined;
  }
  const inText = CODE_IN_TEXT.exec(evidence.texts.filter(Boolean).join('\n').slice(0, 20_000))?.[1];
  const inferred = inText ? normalizeCode(inText) : codeFromMessage([...evidence.texts, evidence.pasted]);
  return inferred && inferred.toLowerCase() !== found.code?.toLowerCase() ? inferred : undefined;
}

export function refineMatch(first: Found, evidence: Evidence): Found {
  let found = first;
  const specific = specificCode(found, evidence);
  const specificEntry = findByCode(specific)?.entry;
  const error = evidence.error?.toLowerCase();
  const contradicts =
    error !== undefined &&
    specificEntry?.compatibleErrors !== undefined &&
    !specificEntry.compatibleErrors.includes(error) &&
    !specificEntry.errors?.includes(error);
  if (specific && !contradicts) {
    found = { entry: specificEntry ?? found.entry, code: specific };
  }
  const text = [...evidence.texts, evidence.pasted].filter(Boolean).join('\n').slice(0, 20_000).toLowerCase();
  const kind = callKind(evidence.context, evidence.info, evidence.pasted);
  const code = found.code?.toUpperCase();

  // OAU-123 / "Authorization header is not specified" on a REST call: the Bearer header is missing.
  if (kind === 'rest' && (code === 'OAU-123' || (!code && text.includes('authorization header is not specified')))) {
    return { ...found, entry: bearerHeaderMissing };
  }
  // OAU-213 inside a 401 TokenInvalid, or on a REST call: the ACCESS token is gone.
  if (
    code === 'OAU-213' &&
    (kind === 'rest' || /^tokeninvalid$/i.test(evidence.info?.topLevelCode ?? '') || text.includes('tokeninvalid'))
  ) {
    return { ...found, entry: accessTokenNotFound };
  }
  // CMN-101 on deliveryMode.address: RingCentral could not validate the webhook server.
  if ((code === 'CMN-101' || !code) && text.includes('[deliverymode.address]')) {
    return { entry: webhookServerInvalid, code: code ?? 'CMN-101' };
  }
  // SUB codes without an entry of their own: 52x = the webhook server, 4xx = access to the events.
  if (code && !findByCode(code)) {
    if (/^SUB-52\d$/.test(code)) {
      return { ...found, entry: webhookServerInvalid };
    }
    if (/^SUB-4\d\d$/.test(code)) {
      return { ...found, entry: subscriptionNotAllowed };
    }
  }
  return found;
}
