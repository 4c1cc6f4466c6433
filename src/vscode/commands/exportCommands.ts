// Hand the auth leg to your tools: Export to Postman, Export .http File, Generate Sign-In Code…. Each takes an
// optional argument for tests and automation (a target, a file URI, "include secrets") — never a secret value.
import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import { exportHttpFile } from '../export/httpFileCommand';
import { exportToPostman } from '../export/postmanExportCommand';
import { generateSignInCodeCommand } from '../export/signInCodeCommand';
import type { ClientSecrets, JwtCredentialStore } from '../secretStore';

export interface ExportCommandDeps {
  secrets: ClientSecrets;
  jwtCredentials: JwtCredentialStore;
  globalState: vscode.Memento;
  log: vscode.LogOutputChannel;
  /** Ticks the walkthrough's last step when something was really handed over (a file written, code generated). */
  walkthrough?: { mark(step: 'exported'): void };
}

export function registerExportCommands(deps: ExportCommandDeps): vscode.Disposable[] {
  const logged = <T extends { ok: boolean; message?: string }>(what: string, result: T): T => {
    // Paths and outcomes only: the results carry no secret values.
    if (result.ok) deps.log.info(`${what}: done ${JSON.stringify(result)}`);
    else deps.log.info(`${what}: not done (${result.message ?? 'cancelled'})`);
    return result;
  };
  return [
    vscode.commands.registerCommand(COMMANDS.exportPostman, async (argument?: unknown) => {
      const result = logged('Export to Postman', await exportToPostman(deps, argument));
      if (result.ok && result.collection) deps.walkthrough?.mark('exported');
      return result;
    }),
    vscode.commands.registerCommand(COMMANDS.exportHttpFile, async (argument?: unknown) => {
      const result = logged('Export .http File', await exportHttpFile(deps, argument));
      if (result.ok && result.saved) deps.walkthrough?.mark('exported');
      return result;
    }),
    vscode.commands.registerCommand(COMMANDS.generateSignInCode, async (argument?: unknown) => {
      const result = logged('Generate Sign-In Code', await generateSignInCodeCommand(deps, argument));
      if (result.ok) deps.walkthrough?.mark('exported');
      return result;
    }),
  ];
}
