// Tells the user what SessionManager noticed on its own (timer refreshes, storage trouble), and what to do next.
import * as vscode from 'vscode';
import { notifyInfo, notifyWarning } from '../notify';
import { COMMANDS } from '../commandIds';
import type { SessionManager } from '../../core/session/sessionManager';
import type { SessionNotice } from '../../core/session/sessionPorts';

export function showSessionNotices(sessions: SessionManager, log: vscode.LogOutputChannel): vscode.Disposable {
  let readProblemShown = false;
  const subscription = sessions.onNotice((notice: SessionNotice) => {
    switch (notice.kind) {
      case 'rateLimited': {
        const at = new Date(notice.notBefore).toLocaleTimeString();
        log.warn(`Refresh rate-limited for ${notice.session.account.label}; next try at ${at}.`);
        void notifyWarning(
          notice.session.refreshBackoff?.byBudget
            ? `The token of ${notice.session.account.label} was not refreshed: this profile already made RingCentral's limit of Auth requests in the last minute, and one more would start a penalty. Nothing was sent; the next refresh is at ${at}, automatically.`
            : `RingCentral is rate-limiting token requests for ${notice.session.account.label} (CMN-301). The next refresh is at ${at}, automatically; ` +
                `a request before then would restart RingCentral's penalty, so there is nothing to do but wait.`,
        );
        return;
      }
      case 'expired':
        void notifyWarning(
          `Your RingCentral session for ${notice.session.account.label} has expired (the refresh token is past its lifetime). Sign in again.`,
          'Sign In',
        ).then((choice) => {
          if (choice) void vscode.commands.executeCommand(COMMANDS.signIn);
        });
        return;
      case 'storageWriteFailed':
        log.error(`Saving the session of ${notice.session.account.label} failed: ${notice.error.message}`);
        void notifyWarning(
          `RingCentral: the tokens of ${notice.session.account.label} could not be saved to the OS keychain (${notice.error.message}). ` +
            `They are kept in this window and saving is retried; unlock your keyring (or start its secret service). Other windows keep the older copy until then.`,
        );
        return;
      case 'storageWriteRecovered':
        log.info('Sessions saved to the OS keychain again.');
        return;
      case 'storageReadFailed':
        log.error(
          `Reading saved RingCentral sessions failed: ${notice.error.message} (next try at ${new Date(notice.nextRetryAt).toLocaleTimeString()}).`,
        );
        if (readProblemShown) return;
        readProblemShown = true;
        void notifyWarning(
          `RingCentral could not read your saved sessions from the OS keychain (${notice.error.message}). It started without them; nothing stored was changed. ` +
            `Unlock your keyring (on Linux: check that GNOME Keyring or KWallet is running), then press Retry. It also retries on its own.`,
          'Retry',
        ).then((choice) => {
          if (choice) void sessions.retryLoadIfDue(true);
        });
        return;
      case 'storageReadRecovered':
        readProblemShown = false;
        log.info('Saved RingCentral sessions read from the OS keychain.');
        void notifyInfo('RingCentral: your saved sessions are back (the OS keychain could be read).');
        return;
    }
  });
  return { dispose: () => subscription.dispose() };
}
