// Writing exported files: only to a place the user picked (or confirmed), never over a file without asking, and a
// file that holds secrets readable by its owner only where the file system allows it.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { notifyWarning } from '../notify';

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** A modal "Replace?" for an existing file; true when it may be written. */
export async function mayReplace(uri: vscode.Uri, why: string): Promise<boolean> {
  if (!(await exists(uri))) return true;
  const choice = await notifyWarning(
    `${path.posix.basename(uri.path)} already exists in ${describeFolder(uri)}. Replace it?`,
    { modal: true, detail: why },
    'Replace',
  );
  return choice === 'Replace';
}

export async function writeText(uri: vscode.Uri, text: string, holdsSecrets: boolean): Promise<void> {
  if (holdsSecrets && uri.scheme === 'file') {
    // Owner-only (0600) on POSIX; an existing file keeps its old mode unless changed as well.
    await fs.writeFile(uri.fsPath, text, { encoding: 'utf8', mode: 0o600 });
    await fs.chmod(uri.fsPath, 0o600).catch(() => undefined);
    return;
  }
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
}

/** The file next to `uri` with another name. */
export function sibling(uri: vscode.Uri, fileName: string): vscode.Uri {
  return uri.with({ path: path.posix.join(path.posix.dirname(uri.path), fileName) });
}

/** The folder a file is in, as the user knows it: relative to the workspace when inside it. */
export function describeFolder(uri: vscode.Uri): string {
  const folder = sibling(uri, '');
  const root = vscode.workspace.getWorkspaceFolder(uri);
  if (root) {
    const relative = path.posix.relative(root.uri.path, folder.path);
    return relative ? `${root.name}/${relative}` : `the workspace folder ${root.name}`;
  }
  return folder.scheme === 'file' ? folder.fsPath : folder.toString(true);
}

/** "Reveal": in the Explorer when the file is in the workspace, else in the system's file manager. */
export async function reveal(uri: vscode.Uri): Promise<void> {
  if (vscode.workspace.getWorkspaceFolder(uri)) await vscode.commands.executeCommand('revealInExplorer', uri);
  else await vscode.commands.executeCommand('revealFileInOS', uri);
}

/** A file URI passed as a command argument (tests, automation); undefined when it is not one. */
export function uriArgument(value: unknown): vscode.Uri | undefined {
  if (value instanceof vscode.Uri) return value;
  if (typeof value !== 'string' || value.length > 4096) return undefined;
  try {
    const uri = vscode.Uri.parse(value, true);
    return uri.path && uri.path !== '/' ? uri : undefined;
  } catch {
    return undefined;
  }
}
