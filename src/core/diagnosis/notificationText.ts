// The one line a failure notification shows. When the fix is to register a redirect URI, the line names
// that exact URI: a "Copy redirect URI" button alone leaves the user guessing what will be copied.
import type { Diagnosis } from './types';

export function notificationText(diagnosis: Diagnosis): string {
  const head = `RingCentral${diagnosis.code ? ` ${diagnosis.code}` : ''}: ${diagnosis.summary}`;
  const server = diagnosis.serverMessage ? ` (“${diagnosis.serverMessage}”)` : '';
  const register = registerUri(diagnosis);
  const where = register
    ? ` Register this exact redirect URI on the app (Developer Console → your app → Settings → Auth → OAuth Redirect URI): ${register}`
    : '';
  return `${head}${server}${where}`;
}

/** The redirect URI a fix offers to copy, if any. */
export function registerUri(diagnosis: Diagnosis): string | undefined {
  for (const fix of diagnosis.fixes) {
    if (fix.action?.kind === 'copyRedirectUri') {
      return fix.action.uri;
    }
  }
  return undefined;
}
