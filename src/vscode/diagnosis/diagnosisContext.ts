// What the knowledge base should know about this editor and app when it explains a failure.
import * as vscode from 'vscode';
import type { DiagnosisContext, FlowPhase } from '../../core/diagnosis/types';
import { resolveRedirectTarget } from '../redirect/redirectStrategy';
import type { ClientSecrets } from '../secretStore';
import { readSettings } from '../settings';

export async function currentDiagnosisContext(secrets: ClientSecrets, phase?: FlowPhase): Promise<DiagnosisContext> {
  const settings = readSettings();
  const server = settings.server.ok ? settings.server.url : undefined;
  const target = await resolveRedirectTarget(settings).catch(() => undefined);
  return {
    phase,
    server,
    clientId: settings.clientId || undefined,
    redirectMode: settings.redirectMode,
    uriScheme: vscode.env.uriScheme,
    redirectUri: target?.redirectUri,
    redirectUriIsDynamic: target?.dynamic,
    hasClientSecret: server && settings.clientId ? Boolean(await secrets.get(server, settings.clientId)) : undefined,
  };
}
