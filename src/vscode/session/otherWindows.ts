// Sessions are shared by every window through SecretStorage: when another window signs in, refreshes or signs
// out, this one reloads the list.
import type * as vscode from 'vscode';
import type { SessionManager } from '../../core/session/sessionManager';
import { isSessionStorageKey } from '../../core/session/sessionStore';

export function reloadOnOtherWindowChanges(storage: vscode.SecretStorage, sessions: SessionManager): vscode.Disposable {
  return storage.onDidChange((event) => {
    if (isSessionStorageKey(event.key)) void sessions.load();
  });
}
