// "Copy as curl … with secrets": which real values a recorded step needs, which of them this editor still has, and
// what the user must know before running the command. The trace is masked, so the values put back are the ones
// held now — a token replaced by a refresh since, a client secret changed since, a spent authorization code — and
// the masked trace is enough to tell when they differ from the ones that were sent.
import { REVOKE_PATH, TOKEN_PATH } from '../ringcentral/ringcentralClient';
import { maskSecret } from '../trace/mask';
import type { TraceStep } from '../trace/trace';
import type { StepSecrets } from './curl';
import { ENV } from './profile';

export type SecretKind = keyof StepSecrets;

export const SECRET_LABELS: Record<SecretKind, string> = {
  clientSecret: 'the client secret',
  accessToken: 'the access token',
  refreshToken: 'the refresh token',
  jwt: 'the JWT credential',
  code: 'the authorization code',
  codeVerifier: 'the PKCE code verifier',
};

const KIND_OF_VARIABLE: Readonly<Record<string, SecretKind>> = {
  [ENV.clientSecret]: 'clientSecret',
  [ENV.accessToken]: 'accessToken',
  [ENV.refreshToken]: 'refreshToken',
  [ENV.jwt]: 'jwt',
  [ENV.authCode]: 'code',
  [ENV.codeVerifier]: 'codeVerifier',
};

/** The secret kinds behind the environment variables a masked copy reads (others, such as the client id, are not secrets). */
export function secretKindsOf(variables: readonly string[]): SecretKind[] {
  return variables.flatMap((name) => (KIND_OF_VARIABLE[name] ? [KIND_OF_VARIABLE[name]] : []));
}

export interface SecretPlan {
  /** The values to put in: the needed ones this editor holds. */
  supplied: StepSecrets;
  /** Needed but not held here (a spent code, a verifier never kept): they stay environment variables. */
  missing: SecretKind[];
  /** What to know before running the command, in words. */
  notes: string[];
}

/** The masked forms the trace recorded for each secret, to compare a value held now against (by its mask). */
function recordedMasks(step: Pick<TraceStep, 'request'>): Partial<Record<SecretKind, string>> {
  const request = step.request;
  if (!request) return {};
  const masks: Partial<Record<SecretKind, string>> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (name.toLowerCase() !== 'authorization') continue;
    const bearer = /^bearer\s+(.+)$/i.exec(value.trim());
    if (bearer) masks.accessToken = bearer[1];
    const basic = /^basic\s+(.+)$/i.exec(value.trim());
    if (basic) masks.clientSecret = basic[1];
  }
  if (request.body !== undefined && !request.body.trimStart().startsWith('{')) {
    const form = new URLSearchParams(request.body);
    const refresh = form.get('refresh_token');
    if (refresh !== null) masks.refreshToken = refresh;
    const assertion = form.get('assertion');
    if (assertion !== null) masks.jwt = assertion;
    const token = form.get('token');
    if (token !== null) masks.accessToken = token;
  }
  return masks;
}

function requestPath(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '';
  }
}

export interface HeldSecrets extends StepSecrets {
  /** The app's client id: the recorded Basic credential is base64(client_id:client_secret). */
  clientId?: string;
}

/**
 * `needed`: the secret kinds of the step (from the environment variables its masked copy reads); `held`: the values
 * this editor has now. Returns what to put in, what stays a variable, and the notes.
 */
export function planStepSecrets(
  step: Pick<TraceStep, 'request'>,
  needed: readonly SecretKind[],
  held: HeldSecrets,
): SecretPlan {
  const supplied: StepSecrets = {};
  const missing: SecretKind[] = [];
  for (const kind of needed) {
    const value = held[kind];
    if (value) supplied[kind] = value;
    else missing.push(kind);
  }
  const masks = recordedMasks(step);
  const differs = (kind: SecretKind, sentForm: string | undefined): boolean =>
    sentForm !== undefined && masks[kind] !== undefined && maskSecret(sentForm) !== masks[kind];
  const notes: string[] = [];
  if (differs('accessToken', supplied.accessToken)) {
    notes.push(
      "The access token put in is the session's current one, not the one this step sent: a refresh replaced it since.",
    );
  }
  if (differs('refreshToken', supplied.refreshToken)) {
    notes.push("The refresh token put in is the session's current one, not the one this step sent (tokens rotate).");
  }
  const basic =
    supplied.clientSecret !== undefined && held.clientId !== undefined
      ? Buffer.from(`${held.clientId}:${supplied.clientSecret}`).toString('base64')
      : undefined;
  if (differs('clientSecret', basic)) {
    notes.push('The client secret saved now is not the one this step sent, so the answer may differ from the trace.');
  }
  if (differs('jwt', supplied.jwt)) {
    notes.push('The JWT credential saved now is not the one this step sent, so the answer may differ from the trace.');
  }
  const path = step.request ? requestPath(step.request.url) : '';
  if (supplied.refreshToken !== undefined && path === TOKEN_PATH) {
    notes.push(
      'Running it uses up the refresh token: RingCentral issues a new pair and this editor’s session stops working until you sign in again.',
    );
  }
  if (supplied.accessToken !== undefined && path === REVOKE_PATH) {
    notes.push('Running it revokes this editor’s session (access and refresh token).');
  }
  if (missing.includes('code') || missing.includes('codeVerifier')) {
    notes.push(
      `An authorization code works once and lives about 60 s; this editor keeps neither it nor the PKCE verifier. ` +
        `Replayed, a spent code gets OAU-106 "Invalid authorization code": set ${ENV.authCode} and ${ENV.codeVerifier} from a new sign-in to repeat the exchange.`,
    );
  }
  return { supplied, missing, notes };
}

/** "the client secret and the JWT credential". */
export function describeSecrets(kinds: readonly SecretKind[]): string {
  const labels = kinds.map((kind) => SECRET_LABELS[kind]);
  return labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}
