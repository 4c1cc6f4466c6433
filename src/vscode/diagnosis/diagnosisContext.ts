// What the knowledge base should know about this editor and app when it explains a failure.
import * as vscode from 'vscode';
import type { DiagnosisContext, FlowPhase } from '../../core/diagnosis/types';
import { resolveRedirectTarget } from '../redirect/redirectStrategy';
import type { ClientSecrets } from '../secretStore';
import { readSettings } from '../settings';
import { activeApp } from '../profiles/activeApp';

export async function currentDiagnosisContext(secrets: ClientSecrets, phase?: FlowPhase): Promise<DiagnosisContext> {
  const settings = readSettings();
  const app = activeApp();
  const server = app.server.ok ? app.server.url : undefined;
  const target = await resolveRedirectTarget(settings).catch(() => undefined);
  return {
    phase,
    server,
    clientId: app.clientId || undefined,
    grantType: app.profile?.flow === 'jwt' ? 'jwt' : undefined,
    redirectMode: settings.redirectMode,
    uriScheme: vscode.env.uriScheme,
    redirectUri: target?.redirectUri,
    redirectUriIsDynamic: target?.dynamic,
    hasClientSecret: server && app.clientId ? Boolean(await secrets.get(server, app.clientId)) : undefined,
  };
}
