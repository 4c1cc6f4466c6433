// An API call with a session's access token that survives a token dying early (a clock step, a rotation elsewhere):
// on a 401 it refreshes once and repeats the call once. A second 401 is the caller's; it never loops.
import { isUnauthorizedError } from './refreshFailures';
import type { SessionManager } from './sessionManager';

export async function callWithAccessToken<T>(
  sessions: SessionManager,
  id: string,
  call: (accessToken: string) => Promise<T>,
): Promise<T> {
  const token = await sessions.accessToken(id);
  try {
    return await call(token);
  } catch (error) {
    if (!isUnauthorizedError(error)) throw error;
    const current = sessions.get(id);
    // Another caller (or window) may have refreshed meanwhile: then its token is the one to try.
    const fresh = current && current.tokens.accessToken !== token ? current : await sessions.refresh(id);
    return call(fresh.tokens.accessToken);
  }
}
