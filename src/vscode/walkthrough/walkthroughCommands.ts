// The walkthrough's progress as data, for tests: which context keys the extension set because the real thing
// happened. `{ reset: true }` sets them back to false first (VS Code keeps the steps it has ticked).
import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import type { WalkthroughProgress } from './walkthroughProgress';

export function registerWalkthroughCommands(progress: WalkthroughProgress): vscode.Disposable[] {
  return [
    progress,
    vscode.commands.registerCommand(COMMANDS.walkthroughProgress, (arg?: { reset?: unknown }) => {
      if (arg?.reset === true) progress.reset();
      return progress.state();
    }),
  ];
}
