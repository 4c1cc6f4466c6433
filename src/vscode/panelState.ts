// The diagnostics panel's data: settings, the session (summarised, never a token), checks and masked traces.
import * as vscode from 'vscode';
import { grantedPermissions } from './knowledge';
import type { StoredSession } from '../core/session/session';
import type { AttemptStore } from './attemptStore';
import type { PanelState, PermissionCheckSummary } from '../panel/protocol';
import type { ClientSecrets } from './secretStore';
import { readSettings } from './settings';
import { activeApp } from './profiles/activeApp';

export interface PanelStateInputs {
  secrets: ClientSecrets;
  attempts: AttemptStore;
  session: StoredSession | undefined;
  redirect: PanelState['redirect'];
  permission: PermissionCheckSummary | undefined;
}

export async function buildPanelState(inputs: PanelStateInputs): Promise<PanelState> {
  const settings = readSettings();
  const app = activeApp();
  const session = inputs.session;
  const server = app.server.ok ? app.server.url : '';
  return {
    now: Date.now(),
    settings: {
      server,
      serverProblem: app.server.ok ? app.server.warning : app.server.message,
      clientId: app.clientId,
      redirectMode: settings.redirectMode,
      uriScheme: vscode.env.uriScheme,
      hasClientSecret: Boolean(server && app.clientId && (await inputs.secrets.get(server, app.clientId))),
      appName: vscode.env.appName,
    },
    session: session && {
      label: session.account.label,
      accountId: session.account.id,
      extensionNumber: session.account.extensionNumber,
      profileKnown: session.account.profileKnown,
      server: session.server,
      clientId: session.clientId,
      scope: grantedPermissions(session.tokens.scope),
      accessExpiresAt: session.tokens.accessExpiresAt,
      refreshExpiresAt: session.tokens.refreshExpiresAt,
      hasRefreshToken: Boolean(session.tokens.refreshToken),
      refreshError: session.refreshError,
    },
    redirect: inputs.redirect,
    attempts: [...inputs.attempts.list()],
    permission: inputs.permission,
  };
}
