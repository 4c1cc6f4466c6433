// The refreshes and sign-outs the session manager runs on its own are attempts too: each gets a trace in the
// attempt store, and a failed one gets its diagnosis on the trace so the panel can explain it later.
import type { AttemptStore } from '../attemptStore';
import { currentDiagnosisContext } from '../diagnosis/diagnosisContext';
import { recordDiagnosis } from '../diagnosis/errorPresenter';
import type { ClientSecrets } from '../secretStore';
import type { SessionManagerDeps } from '../../core/session/sessionPorts';

export function sessionAttemptHooks(
  attempts: AttemptStore,
  secrets: ClientSecrets,
): Required<Pick<SessionManagerDeps, 'startAttempt' | 'endAttempt'>> {
  return {
    startAttempt: (kind, session) =>
      attempts.start(kind, { server: session.server, clientId: session.clientId, profileId: session.profileId }),
    endAttempt: (recorder, error) => {
      if (!recorder) return;
      recorder.finish(error ? 'failed' : 'ok');
      if (error)
        void currentDiagnosisContext(secrets, recorder.attempt.kind === 'signOut' ? 'revoke' : 'refresh').then((ctx) =>
          recordDiagnosis(error, ctx, recorder),
        );
    },
  };
}
