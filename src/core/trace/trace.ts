// A trace of one attempt (sign-in, refresh, revoke, …): the steps a developer would otherwise piece together
// from network logs. Everything is masked when recorded, so a trace can be stored, logged and shown as is.
import type { Diagnosis, Failure } from '../diagnosis/types';
import { maskHeaders, maskJsonBody, maskParams, maskParamsRecord, maskSecretsInText, maskUrl } from './mask';

export type AttemptKind = 'signIn' | 'refresh' | 'revoke' | 'jwt' | 'apiProbe' | 'preflight' | 'signOut';
export type AttemptOutcome = 'pending' | 'ok' | 'failed' | 'cancelled';

export interface TracedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface TracedResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface TraceStep {
  at: number;
  title: string;
  ok: boolean;
  durationMs?: number;
  /** Query or callback parameters, masked. */
  params?: Record<string, string>;
  request?: TracedRequest;
  response?: TracedResponse;
  failure?: Failure;
  diagnosis?: Diagnosis;
  note?: string;
}

export interface FlowAttempt {
  id: string;
  kind: AttemptKind;
  startedAt: number;
  endedAt?: number;
  outcome: AttemptOutcome;
  server?: string;
  clientId?: string;
  /** The profile it ran under: whose secrets "Copy as curl … with secrets" puts back. */
  profileId?: string;
  steps: TraceStep[];
}

/** Response headers worth keeping: rate limits, retry hints, content type, redirects. */
const KEPT_RESPONSE_HEADERS = /^(content-type|retry-after|location|x-rate-limit-.*|rcrequestid|www-authenticate)$/i;
const MAX_BODY = 4000;

function truncate(text: string): string {
  return text.length > MAX_BODY ? `${text.slice(0, MAX_BODY)}… (${text.length - MAX_BODY} more characters)` : text;
}

export function traceRequest(request: TracedRequest): TracedRequest {
  return {
    method: request.method,
    url: maskUrl(request.url),
    headers: maskHeaders(request.headers),
    body:
      request.body === undefined
        ? undefined
        : request.body.trimStart().startsWith('{')
          ? maskJsonBody(request.body)
          : maskParams(request.body),
  };
}

export function traceResponse(status: number, headers: Record<string, string>, body: string): TracedResponse {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (KEPT_RESPONSE_HEADERS.test(name)) {
      kept[name] = name.toLowerCase() === 'location' ? maskUrl(value) : maskSecretsInText(value);
    }
  }
  return { status, headers: kept, body: truncate(maskJsonBody(body)) };
}

/** A failure's free text (an error message may quote a URL or a body) is masked like any other text. */
function maskFailure(failure: Failure): Failure {
  switch (failure.kind) {
    case 'transport':
      return {
        ...failure,
        message: maskSecretsInText(failure.message),
        ...(failure.url ? { url: maskUrl(failure.url) } : {}),
      };
    case 'http':
      return { ...failure, body: maskJsonBody(failure.body) };
    case 'api':
      return {
        ...failure,
        info: { ...failure.info, ...(failure.info.rawBody ? { rawBody: maskJsonBody(failure.info.rawBody) } : {}) },
      };
    case 'callback':
      return { ...failure, ...(failure.description ? { description: maskSecretsInText(failure.description) } : {}) };
    default:
      return failure;
  }
}

export interface AttemptContext {
  server?: string;
  clientId?: string;
  profileId?: string;
}

export class AttemptRecorder {
  readonly attempt: FlowAttempt;

  constructor(
    kind: AttemptKind,
    private readonly clock: () => number,
    context: AttemptContext,
    private readonly onChange: (attempt: FlowAttempt) => void = () => undefined,
  ) {
    const startedAt = clock();
    this.attempt = {
      id: `${kind}-${startedAt.toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`,
      kind,
      startedAt,
      outcome: 'pending',
      server: context.server,
      clientId: context.clientId,
      ...(context.profileId !== undefined ? { profileId: context.profileId } : {}),
      steps: [],
    };
  }

  add(step: Omit<TraceStep, 'at'> & { at?: number }): TraceStep {
    const recorded: TraceStep = {
      ...step,
      at: step.at ?? this.clock(),
      params: step.params ? maskParamsRecord(step.params) : undefined,
      failure: step.failure ? maskFailure(step.failure) : undefined,
      note: step.note === undefined ? undefined : maskSecretsInText(step.note),
    };
    this.attempt.steps.push(recorded);
    this.onChange(this.attempt);
    return recorded;
  }

  /** Attaches a diagnosis to the last failed step (the knowledge base runs outside the HTTP client). */
  diagnoseLastFailure(diagnosis: Diagnosis): void {
    const failed = [...this.attempt.steps].reverse().find((step) => !step.ok);
    if (failed) {
      failed.diagnosis = diagnosis;
      this.onChange(this.attempt);
    }
  }

  finish(outcome: Exclude<AttemptOutcome, 'pending'>): FlowAttempt {
    this.attempt.outcome = outcome;
    this.attempt.endedAt = this.clock();
    this.onChange(this.attempt);
    return this.attempt;
  }
}
