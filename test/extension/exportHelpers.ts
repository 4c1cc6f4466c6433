// Helpers for the export command tests: answering the quick pick and the save dialog in place of the user (the same
// way helpers.ts answers notifications), a scratch folder, and waiting for a file that a button click writes.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';

export interface ShownQuickPick {
  items: vscode.QuickPickItem[];
  options?: vscode.QuickPickOptions & { canPickMany?: boolean };
}

type WindowFunctions = Record<string, (...args: unknown[]) => unknown>;

/**
 * Answers showQuickPick with `answer(items)` (undefined: Escape) and showSaveDialog with `save(options)`; records
 * both. The extension gets the same `vscode.window` object as this test, so the replacements are what it calls.
 */
export function interceptPickers(
  answer: (shown: ShownQuickPick) => vscode.QuickPickItem | vscode.QuickPickItem[] | undefined,
  save: (options: vscode.SaveDialogOptions | undefined) => vscode.Uri | undefined = () => undefined,
): { quickPicks: ShownQuickPick[]; saveDialogs: Array<vscode.SaveDialogOptions | undefined>; restore(): void } {
  const window = vscode.window as unknown as WindowFunctions;
  const { showQuickPick, showSaveDialog } = window;
  const quickPicks: ShownQuickPick[] = [];
  const saveDialogs: Array<vscode.SaveDialogOptions | undefined> = [];
  window.showQuickPick = async (items: unknown, options: unknown) => {
    const shown = { items: (await items) as vscode.QuickPickItem[], options: options as ShownQuickPick['options'] };
    quickPicks.push(shown);
    return answer(shown);
  };
  window.showSaveDialog = async (options: unknown) => {
    saveDialogs.push(options as vscode.SaveDialogOptions | undefined);
    return save(options as vscode.SaveDialogOptions | undefined);
  };
  return { quickPicks, saveDialogs, restore: () => Object.assign(window, { showQuickPick, showSaveDialog }) };
}

export function scratchFolder(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'rc-export-'));
}

export function workspaceFolder(): string {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (!folder) throw new Error('the extension-host tests run with a workspace folder');
  return folder;
}

/** Waits until `check` is true (a file written after a notification's button was answered). */
export async function eventually(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The untitled editors' texts (what the export commands open). */
export function untitledTexts(): Array<{ languageId: string; text: string; uri: string }> {
  return vscode.workspace.textDocuments
    .filter((document) => document.uri.scheme === 'untitled' && !document.isClosed)
    .map((document) => ({ languageId: document.languageId, text: document.getText(), uri: document.uri.toString() }));
}

/** Closes every editor without saving (untitled ones are dirty: revert first so no "Save?" dialog waits). */
export async function closeAllEditors(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((document) => document.uri.scheme === 'untitled')) {
    if (document.isClosed) continue;
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
