// "RingCentral: Export .http File": the Postman export's requests as a REST Client file (core's buildHttpFile),
// opened as an untitled editor. It reaches the workspace only when the user asks ("Save to Workspace"), and an
// existing ringcentral.http is replaced only after a confirmation.
import * as vscode from 'vscode';
import { buildHttpFile } from '../../core/export/httpFile';
import { ENV } from '../../core/export/profile';
import { notifyInfo, notifyWarning } from '../notify';
import { currentExportSource, ExportSourceDeps, workspaceFolderUri } from './exportSource';
import { describeFolder, mayReplace, writeText } from './exportFiles';

export const HTTP_FILE_NAME = 'ringcentral.http';

export interface HttpFileExportResult {
  ok: boolean;
  cancelled?: boolean;
  message?: string;
  /** The untitled document (URI string). */
  document?: string;
  language?: string;
  /** Where it was saved, when `{ saveToWorkspace: true }` was passed. */
  saved?: string;
  warnings?: string[];
}

async function saveToWorkspace(text: string): Promise<vscode.Uri | undefined> {
  const folder = workspaceFolderUri();
  if (!folder) {
    void notifyWarning(
      `RingCentral: no folder is open, so there is no workspace to save ${HTTP_FILE_NAME} to. Use File > Save As on the editor instead.`,
    );
    return undefined;
  }
  const target = vscode.Uri.joinPath(folder, HTTP_FILE_NAME);
  if (!(await mayReplace(target, 'It would be replaced by the RingCentral requests of the active profile.'))) {
    return undefined;
  }
  // The generated text holds no secret (they are {{$dotenv …}} references); edits made since are the user's own.
  await writeText(target, text, false);
  await vscode.window.showTextDocument(target, { preview: false });
  void notifyInfo(
    `RingCentral: saved ${HTTP_FILE_NAME} to ${describeFolder(target)}. Its secrets come from a .env file beside it — keep .env out of version control.`,
  );
  return target;
}

export async function exportHttpFile(deps: ExportSourceDeps, argument?: unknown): Promise<HttpFileExportResult> {
  const options = typeof argument === 'object' && argument !== null ? (argument as Record<string, unknown>) : {};
  const found = await currentExportSource(deps);
  if (!found.ok) {
    void notifyWarning(found.message);
    return { ok: false, message: found.message };
  }
  const { profile, notes } = found.source;
  const exported = buildHttpFile(profile, {
    secretSource: options.secretSource === 'processEnv' ? 'processEnv' : 'dotenv',
  });
  const warnings = [...exported.warnings, ...notes];
  const document = await vscode.workspace.openTextDocument({ language: 'http', content: exported.text });
  await vscode.window.showTextDocument(document, { preview: false });
  if (warnings.length > 0) {
    void notifyWarning(`RingCentral .http export: ${warnings.map((warning) => warning.message).join(' ')}`);
  }
  const result: HttpFileExportResult = {
    ok: true,
    document: document.uri.toString(),
    language: document.languageId,
    warnings: warnings.map((warning) => warning.code),
  };
  // What the editor shows when the user saves: their edits included, the generated text if they closed it.
  const currentText = (): string => (document.isClosed ? exported.text : document.getText());
  if (options.saveToWorkspace === true) {
    const saved = await saveToWorkspace(currentText());
    return { ...result, saved: saved?.toString() };
  }
  const secrets = [
    ...(profile.hasClientSecret ? [ENV.clientSecret] : []),
    ...(profile.flow === 'jwt' ? [ENV.jwt] : [ENV.authCode, ENV.codeVerifier]),
  ];
  // Without REST Client the editor shows plain text: say which extension sends the requests.
  const restClient =
    document.languageId === 'http'
      ? 'for the REST Client extension'
      : 'install the REST Client extension (humao.rest-client) to send them';
  // Not awaited: the command returns while the notification waits for a click.
  void notifyInfo(
    `RingCentral: the requests for "${profile.name}" are open in an untitled editor (${restClient}). Nothing was saved. Secrets are read from a .env file beside the saved file (${secrets.join(', ')}).`,
    'Save to Workspace',
  ).then((choice) => (choice === 'Save to Workspace' ? saveToWorkspace(currentText()) : undefined));
  return result;
}
