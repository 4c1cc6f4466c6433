// "RingCentral: Export to Postman": the active profile as a Postman v2.1 collection and environment (the generator
// is core's buildPostmanExport). Order: warnings → "include secrets" (unticked) → save dialog → write. Nothing is
// written before the user picked the place; secret values enter the environment only when ticked (or, from code,
// confirmed in a modal dialog).
import * as path from 'node:path';
import * as vscode from 'vscode';
import { buildPostmanExport } from '../../core/export/postman';
import type { ExportSecrets } from '../../core/export/profile';
import { notifyInfo, notifyWarning } from '../notify';
import { currentExportSource, describeSecrets, ExportNote, ExportSourceDeps, workspaceFolderUri } from './exportSource';
import { describeFolder, mayReplace, reveal, sibling, uriArgument, writeText } from './exportFiles';

export interface PostmanExportResult {
  ok: boolean;
  cancelled?: boolean;
  message?: string;
  collection?: string;
  environment?: string;
  /** Names of the secrets written in plain text into the environment ([] when none). */
  includedSecrets?: Array<keyof ExportSecrets>;
  warnings?: string[];
}

/** From code: `{ uri: '<collection file uri>', includeSecrets?: boolean }`. Secret values are never arguments. */
interface PostmanExportArgument {
  uri?: vscode.Uri;
  includeSecrets: boolean;
}

function parseArgument(argument: unknown): PostmanExportArgument | undefined | 'invalid' {
  if (argument === undefined || argument === null) return undefined;
  if (typeof argument !== 'object') return 'invalid';
  const { uri, includeSecrets } = argument as Record<string, unknown>;
  const parsed = uri === undefined ? undefined : uriArgument(uri);
  if (uri !== undefined && !parsed) return 'invalid';
  return { uri: parsed, includeSecrets: includeSecrets === true };
}

/** The environment file beside the collection the user named: "crm.postman_collection.json" → "crm.postman_environment.json". */
export function environmentFileFor(collection: vscode.Uri): vscode.Uri {
  const stem = path.posix
    .basename(collection.path)
    .replace(/\.postman_collection\.json$/i, '')
    .replace(/\.json$/i, '');
  return sibling(collection, `${stem || 'ringcentral'}.postman_environment.json`);
}

/** Warnings first, in a modal, so nothing is written before the user has read them. */
async function acceptWarnings(warnings: ExportNote[]): Promise<boolean> {
  if (warnings.length === 0) return true;
  const choice = await notifyWarning(
    `RingCentral: ${warnings.length === 1 ? 'one thing' : `${warnings.length} things`} to know before you export to Postman`,
    { modal: true, detail: warnings.map((warning) => `• ${warning.message}`).join('\n\n') },
    'Export Anyway',
  );
  return choice === 'Export Anyway';
}

/** The "Include secrets" checkbox, unticked; undefined when the user pressed Escape. */
async function pickIncludeSecrets(stored: Array<keyof ExportSecrets>): Promise<boolean | undefined> {
  const item: vscode.QuickPickItem = {
    label: `Include secrets: write ${describeSecrets(stored)} in plain text into the environment file`,
    detail:
      'Unticked, the environment has empty secret variables that you fill in Postman. Ticked, anyone who can read the file (or a commit of it) can use them.',
    picked: false,
  };
  const picked = await vscode.window.showQuickPick([item], {
    title: 'RingCentral: Export to Postman',
    placeHolder: 'Press Enter to continue (tick the box only if the file stays private)',
    canPickMany: true,
    ignoreFocusOut: true,
  });
  return picked === undefined ? undefined : picked.length > 0;
}

async function confirmSecretsFromCode(stored: Array<keyof ExportSecrets>, environment: vscode.Uri): Promise<boolean> {
  const choice = await notifyWarning(
    `Another extension or a task asks to write ${describeSecrets(stored)} in plain text into ${path.posix.basename(environment.path)} (in ${describeFolder(environment)}). Allow it?`,
    {
      modal: true,
      detail:
        'Anyone who can read that file, or a commit of it, can sign in as this app. If you did not ask for this, choose Cancel.',
    },
    'Write Secrets',
  );
  return choice === 'Write Secrets';
}

export async function exportToPostman(deps: ExportSourceDeps, argument?: unknown): Promise<PostmanExportResult> {
  const parsedArgument = parseArgument(argument);
  if (parsedArgument === 'invalid') {
    return { ok: false, message: 'Export to Postman takes { uri: "<file uri>", includeSecrets?: boolean }.' };
  }
  const found = await currentExportSource(deps);
  if (!found.ok) {
    void notifyWarning(found.message);
    return { ok: false, message: found.message };
  }
  const { profile, notes, storedSecrets } = found.source;
  const preview = buildPostmanExport(profile);
  const warnings: ExportNote[] = [...preview.warnings, ...notes];
  const cancelled = (message: string): PostmanExportResult => ({ ok: false, cancelled: true, message });

  if (!(await acceptWarnings(warnings))) return cancelled('Not exported: the warnings were not accepted.');

  let includeSecrets = false;
  if (!parsedArgument && storedSecrets.length > 0) {
    const ticked = await pickIncludeSecrets(storedSecrets);
    if (ticked === undefined) return cancelled('cancelled');
    includeSecrets = ticked;
  }

  let collectionUri = parsedArgument?.uri;
  if (!collectionUri) {
    const folder = workspaceFolderUri();
    collectionUri = await vscode.window.showSaveDialog({
      title: 'RingCentral: save the Postman collection (the environment is saved next to it)',
      defaultUri: folder ? vscode.Uri.joinPath(folder, preview.files[0].fileName) : undefined,
      filters: { 'Postman collection': ['json'] },
      saveLabel: 'Export',
    });
    if (!collectionUri) return cancelled('cancelled');
  }
  const environmentUri = environmentFileFor(collectionUri);

  if (parsedArgument?.includeSecrets && storedSecrets.length > 0) {
    if (!(await confirmSecretsFromCode(storedSecrets, environmentUri))) {
      return cancelled('Not exported: writing secrets from code needs your confirmation.');
    }
    includeSecrets = true;
  }
  // The save dialog asked about the collection; the environment beside it is asked about here.
  if (!(await mayReplace(environmentUri, 'It is the Postman environment exported with the collection.'))) {
    return cancelled('Not exported: the existing environment file was kept.');
  }
  if (parsedArgument && !(await mayReplace(collectionUri, 'It is the Postman collection you asked to export.'))) {
    return cancelled('Not exported: the existing collection file was kept.');
  }

  const exported = buildPostmanExport(
    profile,
    includeSecrets ? { includeSecrets: await found.source.readSecrets() } : {},
  );
  const [collectionFile, environmentFile] = exported.files;
  await writeText(collectionUri, collectionFile.text, false);
  await writeText(environmentUri, environmentFile.text, includeSecrets);

  const includedSecrets = includeSecrets ? storedSecrets : [];
  const names = `${path.posix.basename(collectionUri.path)} and ${path.posix.basename(environmentUri.path)}`;
  const secretsLine = includeSecrets
    ? ` The environment holds ${describeSecrets(includedSecrets)} in plain text: keep it out of version control.`
    : storedSecrets.length > 0 || profile.hasClientSecret || profile.flow === 'jwt'
      ? ' Fill the empty secret variables in Postman.'
      : '';
  void notifyInfo(
    `RingCentral: exported ${names} to ${describeFolder(collectionUri)}. In Postman: Import both files and select the environment "${exported.environment.name}".${secretsLine}`,
    'Reveal',
    'Open Collection',
  ).then(async (choice) => {
    if (choice === 'Reveal') await reveal(collectionUri);
    if (choice === 'Open Collection') await vscode.window.showTextDocument(collectionUri);
  });
  return {
    ok: true,
    collection: collectionUri.toString(),
    environment: environmentUri.toString(),
    includedSecrets,
    warnings: warnings.map((warning) => warning.code),
  };
}
