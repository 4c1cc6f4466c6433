// "Developer console" control endpoints under /__console: JSON for tests in other processes (the
// extension host), and one plain HTML page for a newcomer.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { EmulatorContext } from './context';
import { validateFault } from './faults';
import { isForm, mediaType, parseForm, redirect, sendHtml, sendJson } from './http';
import { escapeHtml, layout } from './pages';
import { DEFAULT_RATE_LIMIT, validateRateLimit } from './rateLimit';
import { AppRegistration, RecordedRequest } from './types';

export const CONSOLE_PATH = '/__console';

export interface PublicApp extends Omit<AppRegistration, 'clientSecret'> {
  hasSecret: boolean;
}

export function publicApp(app: AppRegistration): PublicApp {
  const { clientSecret, ...rest } = app;
  return { ...rest, hasSecret: clientSecret !== undefined };
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

interface Payload {
  value: unknown;
  fromForm: boolean;
}

function readPayload(req: IncomingMessage, body: string): Payload {
  if (isForm(req.headers)) {
    return { value: parseForm(body).params, fromForm: true };
  }
  const type = mediaType(req.headers);
  if (type !== '' && type !== 'application/json' && type !== 'text/plain') {
    throw new HttpError(415, 'Send JSON (application/json) or a form (application/x-www-form-urlencoded)');
  }
  if (body.trim() === '') {
    return { value: undefined, fromForm: false };
  }
  try {
    return { value: JSON.parse(body), fromForm: false };
  } catch {
    throw new HttpError(400, 'The body is not valid JSON');
  }
}

function asRecord(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new HttpError(400, 'Expected a JSON object');
  }
  return value as Record<string, unknown>;
}

function asBoolean(value: unknown, name: string): boolean {
  if (typeof value === 'boolean') {
    return value;
  }
  if (value === 'true' || value === 'on' || value === '1') {
    return true;
  }
  if (value === 'false' || value === 'off' || value === '0') {
    return false;
  }
  throw new HttpError(400, `${name} must be true or false`);
}

function asNumber(value: unknown, name: string): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) {
    throw new HttpError(400, `${name} must be a number`);
  }
  return n;
}

/** JSON patch for an app; `clientSecret: null` removes the secret. */
function toPatch(value: unknown): Partial<AppRegistration> {
  const record = { ...asRecord(value) };
  delete record.clientId;
  delete record.hasSecret;
  if (record.clientSecret === null) {
    record.clientSecret = undefined;
  }
  return record as Partial<AppRegistration>;
}

function state(ctx: EmulatorContext): Record<string, unknown> {
  return {
    url: ctx.baseUrl,
    autoApprove: ctx.autoApprove,
    fault: ctx.faults.current,
    rateLimit: ctx.limiter.current,
    now: ctx.clock.now(),
    codeLifetimeSeconds: ctx.codeLifetimeSeconds,
    issuedTokens: ctx.tokens.issuedCount,
  };
}

function consolePage(ctx: EmulatorContext): string {
  const apps = ctx.apps.list();
  const rows = apps
    .map((app) => {
      const uris = app.redirectUris.length
        ? `<ul>${app.redirectUris.map((uri) => `<li><code>${escapeHtml(uri)}</code></li>`).join('')}</ul>`
        : '<p class="error">No redirect URI: authorize answers OAU-113.</p>';
      const action = `${CONSOLE_PATH}/apps/${encodeURIComponent(app.clientId)}/redirect-uris`;
      return `<tr><td><strong>${escapeHtml(app.name ?? app.clientId)}</strong><br><code>${escapeHtml(app.clientId)}</code><br>
<span class="muted">${app.clientSecret === undefined ? 'public (PKCE, no secret)' : 'has a client secret'}</span></td>
<td>${escapeHtml(app.permissions.join(', ') || '—')}<br><span class="muted">grants: ${escapeHtml(app.grantTypes.join(', '))}; refresh tokens: ${app.issueRefreshTokens ? 'on' : 'off'}</span></td>
<td>${uris}<form method="post" action="${escapeHtml(action)}"><input type="text" name="uri" placeholder="Add a redirect URI" aria-label="Redirect URI for ${escapeHtml(app.clientId)}">
<button type="submit">Add</button></form></td></tr>`;
    })
    .join('\n');
  const rate = ctx.limiter.current;
  return layout(
    'RingCentral OAuth emulator — console',
    `<h1>RingCentral OAuth emulator</h1>
<p>Base URL: <code>${escapeHtml(ctx.baseUrl)}</code>. Point the extension's <code>ringcentral.server</code> setting here.</p>
<table><thead><tr><th>App</th><th>Permissions</th><th>Redirect URIs (exact match, up to 10)</th></tr></thead><tbody>
${rows}
</tbody></table>
<h2>Settings</h2>
<form method="post" action="${CONSOLE_PATH}/auto-approve">
<p>Auto-approve sign-ins: <strong>${ctx.autoApprove ? 'on' : 'off'}</strong>
<input type="hidden" name="on" value="${ctx.autoApprove ? 'false' : 'true'}"><button type="submit">Turn ${ctx.autoApprove ? 'off' : 'on'}</button></p></form>
<p>Auth rate limit: ${rate ? `${rate.perMinute} per minute, ${rate.penaltySeconds} s penalty` : 'off'}.
Fault: ${escapeHtml(ctx.faults.current ? JSON.stringify(ctx.faults.current) : 'none')}.</p>
<p class="muted">JSON: GET <code>${CONSOLE_PATH}/apps</code>, <code>${CONSOLE_PATH}/requests</code>, <code>${CONSOLE_PATH}/state</code>;
POST <code>${CONSOLE_PATH}/fault</code>, <code>/auto-approve</code>, <code>/rate-limit</code>, <code>/clock</code>, <code>/jwt</code>.</p>`,
  );
}

function route(
  ctx: EmulatorContext,
  requests: RecordedRequest[],
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  body: string,
): void {
  const method = req.method ?? 'GET';
  const sub = path.slice(CONSOLE_PATH.length) || '/';
  if (sub === '/' && method === 'GET') {
    sendHtml(res, 200, consolePage(ctx));
    return;
  }
  if (sub === '/state' && method === 'GET') {
    sendJson(res, 200, state(ctx));
    return;
  }
  if (sub === '/apps' && method === 'GET') {
    sendJson(res, 200, ctx.apps.list().map(publicApp));
    return;
  }
  if (sub === '/apps' && method === 'POST') {
    const app = asRecord(readPayload(req, body).value) as unknown as AppRegistration;
    ctx.apps.register(app);
    sendJson(res, 201, publicApp(ctx.apps.get(app.clientId) as AppRegistration));
    return;
  }
  const appMatch = /^\/apps\/([^/]+)(\/redirect-uris)?$/.exec(sub);
  if (appMatch) {
    const clientId = decodeURIComponent(appMatch[1]);
    if (!ctx.apps.find(clientId)) {
      throw new HttpError(404, `No app with client id ${clientId}`);
    }
    if (!appMatch[2] && method === 'GET') {
      sendJson(res, 200, publicApp(ctx.apps.get(clientId) as AppRegistration));
      return;
    }
    if (!appMatch[2] && method === 'PATCH') {
      sendJson(res, 200, publicApp(ctx.apps.update(clientId, toPatch(readPayload(req, body).value))));
      return;
    }
    if (appMatch[2] && method === 'POST') {
      const payload = readPayload(req, body);
      const uri = asRecord(payload.value).uri;
      if (typeof uri !== 'string') {
        throw new HttpError(400, 'uri is required');
      }
      const app = ctx.apps.addRedirectUri(clientId, uri.trim());
      if (payload.fromForm) {
        redirect(res, CONSOLE_PATH, 303);
        return;
      }
      sendJson(res, 200, publicApp(app));
      return;
    }
  }
  if (sub === '/fault' && method === 'POST') {
    ctx.faults.set(validateFault(readPayload(req, body).value));
    sendJson(res, 200, { fault: ctx.faults.current });
    return;
  }
  if (sub === '/auto-approve' && method === 'POST') {
    const payload = readPayload(req, body);
    ctx.autoApprove = asBoolean(asRecord(payload.value).on, 'on');
    if (payload.fromForm) {
      redirect(res, CONSOLE_PATH, 303);
      return;
    }
    sendJson(res, 200, { autoApprove: ctx.autoApprove });
    return;
  }
  if (sub === '/rate-limit' && method === 'POST') {
    const value = readPayload(req, body).value;
    const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
    const settings =
      value === undefined ? DEFAULT_RATE_LIMIT : record && record.enabled === false ? false : validateRateLimit(value);
    ctx.limiter.set(settings);
    sendJson(res, 200, { rateLimit: ctx.limiter.current });
    return;
  }
  if (sub === '/user' && method === 'PATCH') {
    // A display name is text the server controls: tests use it to send hostile text to the extension.
    const name = asRecord(readPayload(req, body).value).name;
    if (typeof name !== 'string' || name === '') {
      throw new HttpError(400, 'name must be a non-empty string');
    }
    ctx.user = { ...ctx.user, name };
    sendJson(res, 200, { name });
    return;
  }
  if (sub === '/clock' && method === 'POST') {
    ctx.clock.advance(asNumber(asRecord(readPayload(req, body).value).advanceSeconds, 'advanceSeconds'));
    sendJson(res, 200, { now: ctx.clock.now() });
    return;
  }
  if (sub === '/jwt' && method === 'POST') {
    const value = readPayload(req, body).value;
    const clientId = value === undefined ? undefined : asRecord(value).clientId;
    if (clientId !== undefined && typeof clientId !== 'string') {
      throw new HttpError(400, 'clientId must be a string');
    }
    sendJson(res, 200, { credential: ctx.jwt.create(ctx.baseUrl, clientId) });
    return;
  }
  if (sub === '/requests' && method === 'GET') {
    sendJson(res, 200, requests);
    return;
  }
  if (sub === '/requests' && method === 'DELETE') {
    requests.length = 0;
    sendJson(res, 200, { cleared: true });
    return;
  }
  throw new HttpError(404, `No console endpoint ${method} ${path}`);
}

export function handleConsole(
  ctx: EmulatorContext,
  requests: RecordedRequest[],
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  body: string,
): void {
  try {
    route(ctx, requests, req, res, path, body);
  } catch (error) {
    const status = error instanceof HttpError ? error.status : 400;
    sendJson(res, status, { message: error instanceof Error ? error.message : String(error) });
  }
}
