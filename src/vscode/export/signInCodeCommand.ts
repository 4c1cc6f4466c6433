// "RingCentral: Generate Sign-In Code…": a program that signs in as the active profile does, in the language picked
// (core's generateSignInCode), opened as an untitled editor. The program reads every secret from the environment;
// nothing secret is baked in and nothing is written to disk.
import * as vscode from 'vscode';
import { CODE_TARGETS, CodeTarget, CodeTargetInfo, generateSignInCode } from '../../core/export/code';
import { notifyWarning } from '../notify';
import { currentExportSource, ExportSourceDeps } from './exportSource';

const LAST_TARGET_KEY = 'ringcentral.export.lastCodeTarget';

export interface SignInCodeDeps extends ExportSourceDeps {
  globalState: vscode.Memento;
}

export interface SignInCodeResult {
  ok: boolean;
  cancelled?: boolean;
  message?: string;
  target?: CodeTarget;
  language?: string;
  document?: string;
  warnings?: string[];
}

/** The targets with the last one used first, so a PHP shop presses Enter. */
export function orderedTargets(last: unknown): CodeTargetInfo[] {
  const first = CODE_TARGETS.find((info) => info.target === last);
  return first ? [first, ...CODE_TARGETS.filter((info) => info !== first)] : [...CODE_TARGETS];
}

async function pickTarget(globalState: vscode.Memento): Promise<CodeTargetInfo | undefined> {
  const last = globalState.get<string>(LAST_TARGET_KEY);
  const items = orderedTargets(last).map((info) => ({
    label: info.label,
    description: info.target === last ? 'last used' : undefined,
    detail: `Needs: ${info.needs}`,
    info,
  }));
  return (
    await vscode.window.showQuickPick(items, {
      title: 'RingCentral: Generate Sign-In Code — language',
      placeHolder: 'The program signs in like the active profile; secrets come from environment variables',
    })
  )?.info;
}

export async function generateSignInCodeCommand(deps: SignInCodeDeps, argument?: unknown): Promise<SignInCodeResult> {
  const wanted =
    typeof argument === 'object' && argument !== null ? (argument as Record<string, unknown>).target : undefined;
  const fromArgument = CODE_TARGETS.find((info) => info.target === wanted);
  if (wanted !== undefined && !fromArgument) {
    return {
      ok: false,
      message: `Unknown target ${JSON.stringify(wanted)}: use one of ${CODE_TARGETS.map((info) => info.target).join(', ')}.`,
    };
  }
  const found = await currentExportSource(deps);
  if (!found.ok) {
    void notifyWarning(found.message);
    return { ok: false, message: found.message };
  }
  const info = fromArgument ?? (await pickTarget(deps.globalState));
  if (!info) return { ok: false, cancelled: true, message: 'cancelled' };
  await deps.globalState.update(LAST_TARGET_KEY, info.target);

  const code = generateSignInCode(found.source.profile, info.target);
  const document = await vscode.workspace.openTextDocument({ language: code.language, content: code.text });
  await vscode.window.showTextDocument(document, { preview: false });
  const warnings = [...code.warnings, ...found.source.notes];
  if (warnings.length > 0) {
    void notifyWarning(
      `RingCentral: the generated code has ${warnings.length === 1 ? 'one thing' : `${warnings.length} things`} to check. ${warnings.map((warning) => warning.message).join(' ')}`,
    );
  }
  return {
    ok: true,
    target: info.target,
    language: document.languageId,
    document: document.uri.toString(),
    warnings: warnings.map((warning) => warning.code),
  };
}
