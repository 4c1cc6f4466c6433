// The login/consent page a browser lands on when auto-approve is off.
import { AuthorizationRequest } from './codes';
import { escapeHtml, layout } from './pages';
import { AppRegistration, DemoUser } from './types';

export function consentPage(
  reqId: string,
  app: AppRegistration,
  request: AuthorizationRequest,
  user: DemoUser,
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
<p><label for="username">Email, phone number or extension</label><br>
<input type="text" id="username" name="username" value="${escapeHtml(user.email)}" readonly></p>
<p id="user">Signed in as ${escapeHtml(user.name)} (ext. ${escapeHtml(user.extensionNumber)})</p>
<p>The app will be able to:</p>
${permissions}
<p class="muted">Client ID: <code>${escapeHtml(app.clientId)}</code><br>
Your browser will return to: <code id="redirect-uri">${escapeHtml(request.redirectUri)}</code></p>
<p><button type="submit" id="approve" name="action" value="approve">Authorize</button>
<button type="submit" id="deny" name="action" value="deny">Cancel</button></p>
</form>`,
  );
}
