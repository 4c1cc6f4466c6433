// The console's HTML for a newcomer at <url>/__console: apps, users, JWT credentials, settings and the Auth
// rate-limit counters. Plain forms, no script (the CSP allows none); everything echoed is escaped.
import { EmulatorContext } from './context';
import { JWT_VARIANTS, JwtCredentialInfo, NO_EXPIRY_SECONDS } from './jwtCredentials';
import { escapeHtml, layout } from './pages';
import { AppRegistration, DemoUser } from './types';

export const CONSOLE_PATH = '/__console';

function appRow(app: AppRegistration): string {
  const uris = app.redirectUris.length
    ? `<ul>${app.redirectUris.map((uri) => `<li><code>${escapeHtml(uri)}</code></li>`).join('')}</ul>`
    : '<p class="error">No redirect URI: authorize answers OAU-113.</p>';
  const action = `${CONSOLE_PATH}/apps/${encodeURIComponent(app.clientId)}/redirect-uris`;
  return `<tr><td><strong>${escapeHtml(app.name ?? app.clientId)}</strong><br><code>${escapeHtml(app.clientId)}</code><br>
<span class="muted">${app.clientSecret === undefined ? 'public (PKCE, no secret)' : 'has a client secret'}</span></td>
<td>${escapeHtml(app.permissions.join(', ') || '—')}<br><span class="muted">grants: ${escapeHtml(app.grantTypes.join(', '))}; refresh tokens: ${app.issueRefreshTokens ? 'on' : 'off'}</span></td>
<td>${uris}<form method="post" action="${escapeHtml(action)}"><input type="text" name="uri" placeholder="Add a redirect URI" aria-label="Redirect URI for ${escapeHtml(app.clientId)}">
<button type="submit">Add</button></form></td></tr>`;
}

function userOptions(users: DemoUser[], selectedId: string): string {
  return users
    .map(
      (user) =>
        `<option value="${escapeHtml(user.id)}"${user.id === selectedId ? ' selected' : ''}>${escapeHtml(user.name)} (ext. ${escapeHtml(user.extensionNumber)})</option>`,
    )
    .join('');
}

function usersSection(ctx: EmulatorContext): string {
  const rows = ctx.users
    .list()
    .map(
      (user) =>
        `<tr><td>${escapeHtml(user.name)}</td><td>${escapeHtml(user.email)}</td><td>${escapeHtml(user.extensionNumber)}</td><td><code>${escapeHtml(user.id)}</code></td></tr>`,
    )
    .join('\n');
  return `<h2>Users</h2>
<table id="users"><thead><tr><th>Name</th><th>Email</th><th>Ext.</th><th>Id</th></tr></thead><tbody>
${rows}
</tbody></table>`;
}

function jwtSection(ctx: EmulatorContext, apps: AppRegistration[]): string {
  const appOptions = [
    '<option value="">Any app of the account</option>',
    ...apps.map(
      (app) => `<option value="${escapeHtml(app.clientId)}">${escapeHtml(app.name ?? app.clientId)}</option>`,
    ),
  ].join('');
  const variants = JWT_VARIANTS.map((variant) => `<option value="${variant}">${variant}</option>`).join('');
  return `<h2>JWT credentials</h2>
<form method="post" action="${CONSOLE_PATH}/jwt" id="jwt-form">
<p><label for="jwt-user">User</label><br><select id="jwt-user" name="user">${userOptions(ctx.users.list(), ctx.users.defaultUser.id)}</select></p>
<p><label for="jwt-app">Apps that may use it</label><br><select id="jwt-app" name="clientId">${appOptions}</select></p>
<p><label for="jwt-variant">Variant</label><br><select id="jwt-variant" name="variant">${variants}</select></p>
<p><label for="jwt-expires">Expires in (seconds; empty: never)</label><br><input type="text" id="jwt-expires" name="expiresInSeconds"></p>
<p><button type="submit">Create JWT</button></p></form>`;
}

function rateLimitSection(ctx: EmulatorContext): string {
  const rate = ctx.limiter.current;
  const counters = ctx.limiter.snapshot();
  const rows = counters.length
    ? counters
        .map(
          (c) =>
            `<tr><td><code>${escapeHtml(c.key)}</code></td><td>${c.requestsInWindow}</td><td>${c.penaltySecondsLeft ? `${c.penaltySecondsLeft} s left` : '—'}</td></tr>`,
        )
        .join('\n')
    : '<tr><td colspan="3" class="muted">No requests in the last 60 s.</td></tr>';
  return `<h2>Auth rate limit</h2>
<p>${rate ? `${rate.perMinute} per minute per user and app, then a ${rate.penaltySeconds} s penalty that restarts on every request made during it` : 'Off'}.</p>
<table id="rate-limit"><thead><tr><th>Counter</th><th>Requests in the last 60 s</th><th>Penalty</th></tr></thead><tbody>
${rows}
</tbody></table>`;
}

export function consolePage(ctx: EmulatorContext): string {
  const apps = ctx.apps.list();
  return layout(
    'RingCentral OAuth emulator — console',
    `<h1>RingCentral OAuth emulator</h1>
<p>Base URL: <code>${escapeHtml(ctx.baseUrl)}</code>. Point the extension's <code>ringcentral.server</code> setting here.</p>
<table><thead><tr><th>App</th><th>Permissions</th><th>Redirect URIs (exact match, up to 10)</th></tr></thead><tbody>
${apps.map(appRow).join('\n')}
</tbody></table>
${usersSection(ctx)}
${jwtSection(ctx, apps)}
<h2>Settings</h2>
<form method="post" action="${CONSOLE_PATH}/auto-approve">
<p>Auto-approve sign-ins: <strong id="auto-approve">${ctx.autoApprove ? 'on' : 'off'}</strong></p>
<p><label for="auto-approve-on">Auto-approve</label> <select id="auto-approve-on" name="on"><option value="true"${ctx.autoApprove ? ' selected' : ''}>on</option><option value="false"${ctx.autoApprove ? '' : ' selected'}>off</option></select>
<label for="auto-approve-user">signing in</label> <select id="auto-approve-user" name="user">${userOptions(ctx.users.list(), ctx.autoApproveUserId)}</select>
<button type="submit">Save</button></p></form>
<p>Fault: ${escapeHtml(ctx.faults.current ? JSON.stringify(ctx.faults.current) : 'none')}.</p>
${rateLimitSection(ctx)}
<p class="muted">JSON: GET <code>${CONSOLE_PATH}/apps</code>, <code>/users</code>, <code>/requests</code>, <code>/state</code>, <code>/rate-limit</code>;
POST <code>${CONSOLE_PATH}/fault</code>, <code>/auto-approve</code>, <code>/rate-limit</code>, <code>/clock</code>, <code>/jwt</code>.</p>`,
  );
}

/** What a browser sees after creating a JWT credential with the form. */
export function jwtCreatedPage(ctx: EmulatorContext, info: JwtCredentialInfo): string {
  const user = ctx.users.find(info.userId);
  const expires =
    info.variant === 'expired' || info.expiresAt - info.issuedAt < NO_EXPIRY_SECONDS
      ? new Date(info.expiresAt * 1000).toISOString()
      : 'never';
  return layout(
    'RingCentral OAuth emulator — JWT credential',
    `<h1>JWT credential created</h1>
<p>For <strong>${escapeHtml(user?.name ?? info.userId)}</strong> (<code>${escapeHtml(info.userId)}</code>),
${info.clientId === null ? 'any app of the account' : `app <code>${escapeHtml(info.clientId)}</code> only`};
variant <code>${escapeHtml(info.variant)}</code>; expires: ${escapeHtml(expires)}.</p>
<p><label for="credential">Credential (send it as <code>assertion</code> with the JWT bearer grant)</label><br>
<textarea id="credential" rows="8" readonly>${escapeHtml(info.credential)}</textarea></p>
<p><a href="${CONSOLE_PATH}">Back to the console</a></p>`,
  );
}
