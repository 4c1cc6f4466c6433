// Checks made on this machine before a request, shown the same way as RingCentral's answers: a failed step in the
// attempt's trace with its diagnosis, a notification with the fix, Explain opening the panel.
import type { AttemptRecorder } from '../../core/trace/trace';
import { checkJwtCredential, jwtCredentialFacts, type JwtCredentialCheck } from '../../core/oauth/jwtCredential';
import type { JwtCredentialFacts } from '../../core/diagnosis/types';
import { FlowFailure } from '../errors';

export type PastedJwtCheck =
  | { ok: true; credential: string; facts: JwtCredentialFacts; check: JwtCredentialCheck }
  | { ok: false; failure: FlowFailure };

/** Decodes and checks a pasted JWT credential for this server; a refusal becomes a diagnosed, traced failure. */
export function checkPastedJwt(
  paste: string,
  server: string,
  recorder: AttemptRecorder,
  now = Date.now(),
): PastedJwtCheck {
  const check = checkJwtCredential(paste, { server, now, context: { server, phase: 'jwt' } });
  const facts = jwtCredentialFacts(check, now);
  if (check.ok) {
    recorder.add({
      title: 'JWT credential checked on this machine',
      ok: true,
      note: [
        `algorithm ${check.algorithm ?? '?'}`,
        check.credentialServer ? `made for ${check.credentialServer}` : undefined,
        check.neverExpires
          ? 'no expiry'
          : check.expiresAt
            ? `expires ${new Date(check.expiresAt).toISOString()}`
            : undefined,
        ...check.warnings.map((warning) => `note: ${warning.diagnosis.summary}`),
      ]
        .filter(Boolean)
        .join('; '),
    });
    return { ok: true, credential: check.credential, facts, check };
  }
  recorder.add({
    title: 'JWT credential refused on this machine: nothing was sent',
    ok: false,
    note: check.problem.diagnosis.summary,
  });
  recorder.diagnoseLastFailure(check.problem.diagnosis);
  return {
    ok: false,
    failure: new FlowFailure(check.problem.diagnosis, recorder.attempt.id, new Error(check.problem.code)),
  };
}
