// RingCentral's OAuth endpoints as plain async functions over an injected fetch.
// Every failure is thrown as a coded error value (RingCentralApiError, TransportError, UnexpectedResponseError).
import type { FetchLike, HttpMethod } from './http';
import { isSecretKey, maskJsonBody, maskJsonValue, maskSecretsInText, maskUrl } from '../trace/mask';
import { parseErrorBody, parseRetryAfter } from './ringcentralError';
import { registerSecret } from '../trace/secretRegistry';
import { readTokenResponse, TokenResponse } from '../oauth/tokenSet';
import type { AttemptRecorder } from '../trace/trace';
import { exchange, isRedirectStatus, RawResponse } from './transport';
import { RingCentralApiError, UnexpectedResponseError, type AuthRequestKind } from '../errors';

export const TOKEN_PATH = '/restapi/oauth/token';
export const REVOKE_PATH = '/restapi/oauth/revoke';
export const AUTHORIZE_PATH = '/restapi/oauth/authorize';
export const WHO_AM_I_PATH = '/restapi/v1.0/account/~/extension/~';
export const JWT_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

export interface ClientOptions {
  fetch: FetchLike;
  server: string;
  clientId: string;
  clientSecret?: string;
  timeoutMs: number;
  clock?: () => number;
  /** Retries for 408/500/502/503/504 answers (RingCentral's retry policy); never for 4xx or timeouts of one-use grants. */
  retries?: number;
  retryPauseMs?: number;
  userAgent?: string;
  /** Told before and after every request of RingCentral's "Auth" rate-limit group (see session/authBudget.ts). */
  authRequests?: AuthRequestHooks;
}

/**
 * RingCentral allows 5 Auth requests per user per minute. `before` runs before each one is sent (each retry too)
 * and may throw (AuthBudgetExceededError) to stop it; `after` sees each answer, so a 429 can hold the next ones.
 */
export interface AuthRequestHooks {
  before(kind: AuthRequestKind): Promise<void> | void;
  after?(kind: AuthRequestKind, answer: { status: number; retryAfterSeconds?: number }): Promise<void> | void;
}

/** A REST answer below 300: its status, and its body parsed when it is JSON (text otherwise; empty: undefined). */
export interface ApiResponse {
  status: number;
  contentType: string;
  json?: unknown;
  text: string;
}

export type PreflightResult =
  { accepted: true; status: number; location: string } | { accepted: false; status: number; body: string };

const RETRYABLE_STATUS = new Set([408, 500, 502, 503, 504]);

export class RingCentralClient {
  constructor(private readonly options: ClientOptions) {}

  get server(): string {
    return this.options.server;
  }

  get clientId(): string {
    return this.options.clientId;
  }

  get hasClientSecret(): boolean {
    return Boolean(this.options.clientSecret);
  }

  exchangeCode(
    input: { code: string; redirectUri: string; codeVerifier: string },
    recorder?: AttemptRecorder,
  ): Promise<TokenResponse> {
    return this.tokenRequest(
      {
        grant_type: 'authorization_code',
        code: input.code,
        redirect_uri: input.redirectUri,
        code_verifier: input.codeVerifier,
      },
      'Exchange authorization code for tokens',
      'token',
      recorder,
    );
  }

  refresh(refreshToken: string, recorder?: AttemptRecorder): Promise<TokenResponse> {
    return this.tokenRequest(
      { grant_type: 'refresh_token', refresh_token: refreshToken },
      'Refresh access token',
      'refresh',
      recorder,
    );
  }

  jwtBearer(assertion: string, recorder?: AttemptRecorder): Promise<TokenResponse> {
    return this.tokenRequest(
      { grant_type: JWT_GRANT, assertion },
      'Exchange JWT credential for tokens',
      'jwt',
      recorder,
    );
  }

  async revoke(token: string, recorder?: AttemptRecorder): Promise<void> {
    const response = await this.postForm(REVOKE_PATH, { token }, 'Revoke session', 'revoke', recorder);
    if (response.status >= 300) {
      throw this.errorFrom(response);
    }
  }

  async getJson<T>(path: string, accessToken: string, recorder?: AttemptRecorder, title = `GET ${path}`): Promise<T> {
    const response = await this.sendWithBearer('GET', path, accessToken, undefined, recorder, title);
    return this.parseJson(response) as T;
  }

  /**
   * Any REST call with a bearer token (Try an API Call): a JSON body for POST/PUT/PATCH, the answer's JSON when it
   * has some. Only a GET is repeated on 5xx: repeating a POST could create the thing twice.
   */
  async requestJson(
    method: HttpMethod,
    path: string,
    accessToken: string,
    body?: unknown,
    recorder?: AttemptRecorder,
  ): Promise<ApiResponse> {
    const response = await this.sendWithBearer(method, path, accessToken, body, recorder, `${method} ${path}`);
    const contentType = response.headers['content-type'] ?? '';
    const answer: ApiResponse = { status: response.status, contentType, text: response.body };
    if (response.body.trim() !== '' && /json/i.test(contentType)) answer.json = this.parseJson(response);
    return answer;
  }

  private async sendWithBearer(
    method: HttpMethod,
    path: string,
    accessToken: string,
    body: unknown,
    recorder: AttemptRecorder | undefined,
    title: string,
  ): Promise<RawResponse> {
    registerSecret(accessToken);
    const headers: Record<string, string> = {
      Accept: 'application/json',
      Authorization: `Bearer ${accessToken}`,
      ...this.userAgentHeader(),
    };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const send = () =>
      exchange(
        this.url(path),
        { method, headers, body: body === undefined ? undefined : JSON.stringify(body) },
        this.exchangeOptions(title, recorder),
      );
    const response = method === 'GET' ? await this.withRetries(send) : await send();
    if (response.status >= 300) {
      throw this.errorFrom(response);
    }
    return response;
  }

  /**
   * Asks the authorize endpoint without a browser. A redirect means client id and redirect URI were accepted
   * (RingCentral sends the browser on to its login page); a 4xx body is the error the browser would have shown.
   */
  async preflightAuthorize(authorizeUrl: string, recorder?: AttemptRecorder): Promise<PreflightResult> {
    const title = 'Pre-flight: authorize request without a browser';
    const response = await this.authRequest('preflight', title, recorder, () =>
      exchange(
        authorizeUrl,
        { method: 'GET', headers: { Accept: 'application/json', ...this.userAgentHeader() }, redirect: 'manual' },
        { ...this.exchangeOptions(title, recorder), redirectIsAnswer: true },
      ),
    );
    if (response.status >= 300 && response.status < 400) {
      return { accepted: true, status: response.status, location: response.headers['location'] ?? '' };
    }
    if (response.status >= 400) {
      throw this.errorFrom(response);
    }
    // 200 without a redirect: some deployments render the login page directly — treat as accepted.
    return { accepted: true, status: response.status, location: '' };
  }

  /**
   * The browser's authorize request is an Auth request too, though the browser sends it: counted (and possibly
   * refused, before the browser opens) through the same hook.
   */
  async beforeBrowserAuthorize(recorder?: AttemptRecorder): Promise<void> {
    await this.authCheck('authorize', 'Authorize in the browser', recorder);
  }

  private async tokenRequest(
    form: Record<string, string>,
    title: string,
    kind: AuthRequestKind,
    recorder?: AttemptRecorder,
  ): Promise<TokenResponse> {
    const response = await this.postForm(TOKEN_PATH, form, title, kind, recorder);
    if (response.status >= 300) {
      throw this.errorFrom(response);
    }
    const body = this.parseJson(response);
    try {
      const tokens = readTokenResponse(body);
      // Received secrets are masked wherever they show up later (a pasted log, a server's echo).
      for (const token of [tokens.access_token, tokens.refresh_token, tokens.id_token]) registerSecret(token);
      return tokens;
    } catch (error) {
      throw new UnexpectedResponseError(
        response.status,
        response.headers['content-type'] ?? '',
        maskJsonBody(response.body),
        (error as Error).message,
      );
    }
  }

  private postForm(
    path: string,
    form: Record<string, string>,
    title: string,
    kind: AuthRequestKind,
    recorder?: AttemptRecorder,
  ): Promise<RawResponse> {
    const headers: Record<string, string> = {
      'Content-Type': 'application/x-www-form-urlencoded',
      Accept: 'application/json',
      ...this.userAgentHeader(),
    };
    const body = new URLSearchParams(form);
    // Every secret value sent is registered, so masking redacts it wherever it shows up, whatever the key.
    for (const [key, value] of Object.entries(form)) {
      if (isSecretKey(key)) registerSecret(value);
    }
    if (this.options.clientSecret) {
      // Confidential app: HTTP Basic with id:secret.
      const credential = Buffer.from(`${this.options.clientId}:${this.options.clientSecret}`).toString('base64');
      registerSecret(this.options.clientSecret);
      registerSecret(credential);
      headers.Authorization = `Basic ${credential}`;
    } else {
      // Public app with PKCE: the client identifies itself in the body.
      body.set('client_id', this.options.clientId);
    }
    return this.withRetries(() =>
      this.authRequest(kind, title, recorder, () =>
        exchange(
          this.url(path),
          { method: 'POST', headers, body: body.toString() },
          this.exchangeOptions(title, recorder),
        ),
      ),
    );
  }

  /** Asks the Auth-request hook before one request; a refusal becomes a trace step, and nothing is sent. */
  private async authCheck(kind: AuthRequestKind, title: string, recorder?: AttemptRecorder): Promise<void> {
    try {
      await this.options.authRequests?.before(kind);
    } catch (error) {
      recorder?.add({
        title: `Not sent: ${title}`,
        ok: false,
        note: error instanceof Error ? error.message : String(error),
      });
      throw error;
    }
  }

  /** One Auth request between the hooks: counted before it goes, its answer (a 429) reported after. */
  private async authRequest(
    kind: AuthRequestKind,
    title: string,
    recorder: AttemptRecorder | undefined,
    send: () => Promise<RawResponse>,
  ): Promise<RawResponse> {
    await this.authCheck(kind, title, recorder);
    const response = await send();
    try {
      await this.options.authRequests?.after?.(kind, {
        status: response.status,
        retryAfterSeconds: parseRetryAfter(response.headers['retry-after'] ?? null),
      });
    } catch {
      // Bookkeeping must not hide RingCentral's answer.
    }
    return response;
  }

  private async withRetries(send: () => Promise<RawResponse>): Promise<RawResponse> {
    const retries = this.options.retries ?? 2;
    let response = await send();
    for (let attempt = 0; attempt < retries && RETRYABLE_STATUS.has(response.status); attempt++) {
      const retryAfter = parseRetryAfter(response.headers['retry-after'] ?? null);
      const pauseMs =
        retryAfter !== undefined ? retryAfter * 1000 : (this.options.retryPauseMs ?? 1000) * (attempt + 1);
      if (pauseMs > 10_000) {
        break; // a long Retry-After is the user's to wait for, with a countdown, not ours to block on
      }
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
      response = await send();
    }
    return response;
  }

  private parseJson(response: RawResponse): unknown {
    try {
      // A byte-order mark before the JSON is harmless; some gateways add one.
      return JSON.parse(response.body.replace(/^\uFEFF/, ''));
    } catch {
      // The body may be a token response we cannot read: never carry its secrets into errors, logs or traces.
      throw new UnexpectedResponseError(
        response.status,
        response.headers['content-type'] ?? '',
        maskSecretsInText(response.body.slice(0, 4000)),
        `RingCentral answered HTTP ${response.status} with a body that is not valid JSON.`,
      );
    }
  }

  private errorFrom(response: RawResponse): Error {
    if (isRedirectStatus(response.status)) {
      return this.redirectError(response);
    }
    const retryAfter = parseRetryAfter(response.headers['retry-after'] ?? null);
    let parsed: unknown;
    try {
      // Masked before reading: a server that echoes what we sent must not put our secrets into messages.
      parsed = maskJsonValue(JSON.parse(response.body));
    } catch {
      parsed = undefined;
    }
    const info = parseErrorBody(parsed, response.status, retryAfter);
    if (info) {
      return new RingCentralApiError({ ...info, rawBody: maskSecretsInText(response.body.slice(0, 4000)) });
    }
    if (retryAfter !== undefined && (response.status === 429 || response.status === 503)) {
      // A gateway's page with Retry-After still says how long to wait; keep it (Explain Error reads it the same way).
      return new RingCentralApiError({
        status: response.status,
        retryAfterSeconds: retryAfter,
        rawBody: maskSecretsInText(response.body.slice(0, 4000)),
      });
    }
    return new UnexpectedResponseError(
      response.status,
      response.headers['content-type'] ?? '',
      maskSecretsInText(response.body.slice(0, 4000)),
      `RingCentral answered HTTP ${response.status} without a RingCentral error body${/html/i.test(response.headers['content-type'] ?? '') ? ' (an HTML page — often a proxy or gateway error)' : ''}.`,
    );
  }

  /** A redirect is not followed (it would carry secrets elsewhere): it says ringcentral.server is not the API's address. */
  private redirectError(response: RawResponse): UnexpectedResponseError {
    const location = response.headers['location'] ? maskUrl(response.headers['location']) : undefined;
    return new UnexpectedResponseError(
      response.status,
      response.headers['content-type'] ?? '',
      maskSecretsInText(response.body.slice(0, 4000)),
      `${this.options.server} answered HTTP ${response.status}, a redirect${location ? ` to ${location}` : ''}. ` +
        "The request was not sent on, because it carries tokens or secrets: check ringcentral.server (RingCentral's API does not redirect).",
      location,
    );
  }

  private exchangeOptions(title: string, recorder?: AttemptRecorder) {
    return { fetch: this.options.fetch, timeoutMs: this.options.timeoutMs, clock: this.options.clock, recorder, title };
  }

  private userAgentHeader(): Record<string, string> {
    return this.options.userAgent ? { 'User-Agent': this.options.userAgent } : {};
  }

  private url(path: string): string {
    return `${this.options.server}${path}`;
  }
}
