// The login/consent page a browser lands on when auto-approve is off. The emulator's account has several users:
// the page lets one choose who signs in (the `login_hint` user, else the default user, is preselected).
import { AuthorizationRequest } from './codes';
import { escapeHtml, layout } from './pages';
import { AppRegistration, DemoUser } from './types';

function userChooser(users: DemoUser[], preselected: DemoUser): string {
  const options = users
    .map(
      (user) =>
        `<option value="${escapeHtml(user.id)}"${user.id === preselected.id ? ' selected' : ''}>${escapeHtml(user.name)} — ${escapeHtml(user.email)} (ext. ${escapeHtml(user.extensionNumber)})</option>`,
    )
    .join('');
  return `<p><label for="user-select">Sign in as (email, phone number or extension)</label><br>
<select id="user-select" name="user">${options}</select></p>
<p id="user">Signing in as ${escapeHtml(preselected.name)} (ext. ${escapeHtml(preselected.extensionNumber)}) unless you choose another user.</p>`;
}

export function consentPage(
  reqId: string,
  app: AppRegistration,
  request: AuthorizationRequest,
  users: DemoUser[],
  preselected: DemoUser,
): string {
  const appName = app.name ?? app.clientId;
  const permissions = app.permissions.length
    ? `<ul id="permissions">${app.permissions.map((p) => `<li>${escapeHtml(p)}</li>`).join('')}</ul>`
    : '<p id="permissions" class="muted">No permissions requested.</p>';
  return layout(
    `Sign in to RingCentral — ${appName}`,
    `<h1>Sign in to RingCentral <span class="muted">(local emulator)</span></h1>
<p><strong id="app-name">${escapeHtml(appName)}</strong> would like to access your RingCentral account.</p>
<form method="post" action="/restapi/oauth/login">
<input type="hidden" name="req" value="${escapeHtml(reqId)}">
${userChooser(users, preselected)}
<p>The app will be able to:</p>
${permissions}
<p class="muted">Client ID: <code>${escapeHtml(app.clientId)}</code><br>
Your browser will return to: <code id="redirect-uri">${escapeHtml(request.redirectUri)}</code></p>
<p><button type="submit" id="approve" name="action" value="approve">Authorize</button>
<button type="submit" id="deny" name="action" value="deny">Cancel</button></p>
</form>`,
  );
}
