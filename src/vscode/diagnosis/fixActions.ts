// Runs the action behind a fix button (notification, diagnostics panel). Every action is a user-visible step.
import * as vscode from 'vscode';
import { notifyInfo } from '../notify';
import type { FixAction } from '../../core/diagnosis/types';
import { updateSetting } from '../settings';
import { COMMANDS } from '../commandIds';

export async function runFixAction(action: FixAction): Promise<void> {
  switch (action.kind) {
    case 'openDeveloperConsole':
    case 'openUrl':
      await vscode.env.openExternal(vscode.Uri.parse(action.url));
      return;
    case 'copyRedirectUri':
      await vscode.env.clipboard.writeText(action.uri);
      void notifyInfo(`Copied ${action.uri} — add it under OAuth Redirect URI in your app's settings.`);
      return;
    case 'switchRedirectMode':
      await updateSetting('redirect.mode', action.mode);
      void notifyInfo(
        `RingCentral redirect mode is now "${action.mode}". Register the redirect URI it shows (RingCentral: Check Redirect URI), then sign in again.`,
      );
      return;
    case 'setClientSecret':
      await vscode.commands.executeCommand(COMMANDS.setClientSecret);
      return;
    case 'configureApp':
      await vscode.commands.executeCommand(COMMANDS.configureApp);
      return;
    case 'signIn':
      await vscode.commands.executeCommand(COMMANDS.signIn);
      return;
    case 'waitAndRetry':
      await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'RingCentral rate limit', cancellable: true },
        async (progress, token) => {
          for (let left = action.seconds; left > 0 && !token.isCancellationRequested; left--) {
            progress.report({ message: `retrying in ${left} s…`, increment: 100 / action.seconds });
            await new Promise((resolve) => setTimeout(resolve, 1000));
          }
          if (!token.isCancellationRequested)
            await vscode.commands.executeCommand(
              action.then === 'refreshToken' ? COMMANDS.refreshToken : COMMANDS.signIn,
            );
        },
      );
      return;
    case 'checkPermissions':
      await vscode.commands.executeCommand(
        COMMANDS.checkPermissions,
        action.permission ? { permission: action.permission } : undefined,
      );
      return;
    case 'checkRedirectUri':
      await vscode.commands.executeCommand(COMMANDS.checkRedirectUri);
      return;
    case 'openSettings':
      await vscode.commands.executeCommand('workbench.action.openSettings', action.setting);
      return;
  }
}
