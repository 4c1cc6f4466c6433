// For the secret scan: a copy of every notification (and input box) shown while the tests run. The extension
// and these tests share one vscode API object, so wrapping its window functions sees the extension's calls.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

const SHOWN = ['showErrorMessage', 'showWarningMessage', 'showInformationMessage', 'showInputBox'] as const;

export function captureNotifications(dir: string): void {
  const window = vscode.window as unknown as Record<(typeof SHOWN)[number], (...args: unknown[]) => unknown>;
  for (const name of SHOWN) {
    const original = window[name];
    window[name] = function (this: unknown, ...args: unknown[]) {
      fs.appendFileSync(path.join(dir, 'notification.jsonl'), `${JSON.stringify({ shown: name, args })}\n`);
      return original.apply(this, args);
    };
  }
}
