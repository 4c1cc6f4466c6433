// Was the failed request a REST API call or a call to the OAuth endpoints? Some codes mean different
// things on each (OAU-123: missing Bearer header vs missing client authentication; OAU-213: the access
// token vs the refresh token is gone). Decided by the flow phase, else by what the paste shows.
import type { RingCentralErrorInfo } from '../ringcentral/ringcentralError';
import type { DiagnosisContext } from './types';

export type CallKind = 'rest' | 'oauth';

const MAX_SCAN = 20_000;

export function callKind(
  context: DiagnosisContext,
  info: RingCentralErrorInfo | undefined,
  pasted?: string,
): CallKind | undefined {
  if (context.phase === 'api') {
    return 'rest';
  }
  if (context.phase !== undefined) {
    return 'oauth';
  }
  if (info?.error) {
    // Only the OAuth endpoints answer with an OAuth `error`.
    return 'oauth';
  }
  if (/^tokeninvalid$/i.test(info?.topLevelCode ?? '') || /^tokeninvalid$/i.test(info?.code ?? '')) {
    return 'rest';
  }
  const text = (pasted ?? info?.rawBody ?? '').slice(0, MAX_SCAN).toLowerCase();
  const oauth = text.includes('/restapi/oauth/');
  const rest =
    text.includes('/restapi/v1.0') ||
    text.includes('/team-messaging/') ||
    /www-authenticate:[ \t]{0,8}bearer/.test(text) ||
    text.includes('tokeninvalid');
  if (oauth !== rest) {
    return rest ? 'rest' : 'oauth';
  }
  return undefined;
}
