// Before a sign-in: what the server and client id say about the environment. The sandbox is being retired, the
// .biz platform has its own apps, and a client id that only ever worked on another environment will be refused
// (OAU-153 / OAU-165) — said before the request, which would also spend one of the Auth rate limit's five.
import { checkEnvironment } from '../../core/ringcentral/environment';
import { notificationText } from '../../core/diagnosis/notificationText';
import type { Profile } from '../../core/profiles/profile';
import type { StoredSession } from '../../core/session/session';
import { notifyInfo, notifyWarning } from '../notify';
import { SignInCancelledError } from '../errors';

/** Notes already shown in this window (once each is enough). */
const shownNotes = new Set<string>();

export async function checkEnvironmentBeforeSignIn(
  profile: Profile,
  sessions: readonly StoredSession[],
): Promise<void> {
  const knownGood = sessions.map((session) => ({ server: session.server, clientId: session.clientId }));
  const problems = checkEnvironment({ server: profile.server, clientId: profile.clientId, knownGood });
  for (const problem of problems) {
    const text = notificationText(problem.diagnosis);
    if (problem.code === 'client-id-from-other-environment') {
      const anyway = 'Sign In Anyway';
      const choice = await notifyWarning(text, { modal: true, detail: problem.diagnosis.fixes[0]?.detail }, anyway);
      if (choice !== anyway) throw new SignInCancelledError();
      continue;
    }
    const key = `${problem.code}|${profile.server}`;
    if (shownNotes.has(key)) continue;
    shownNotes.add(key);
    void (problem.severity === 'info' ? notifyInfo(text) : notifyWarning(text));
  }
}
