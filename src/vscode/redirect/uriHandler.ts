// The extension's URI handler: vscode://rcdevtools.ringcentral-oauth/callback?code=…&state=…
import * as vscode from 'vscode';
import { notifyWarning } from '../notify';
import { parseCallback } from '../../core/oauth/callback';
import type { PendingAuthorizations } from '../../core/oauth/pendingAuthorizations';
import { CALLBACK_PATH } from '../../core/redirect/redirectUri';

export class CallbackUriHandler implements vscode.UriHandler {
  constructor(
    private readonly pending: PendingAuthorizations,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  handleUri(uri: vscode.Uri): void {
    if (uri.path !== CALLBACK_PATH) {
      this.log.warn(`Ignored a link to ${uri.path}: this extension only handles ${CALLBACK_PATH}.`);
      return;
    }
    // toString(true): the plain toString() percent-encodes the query's own '=' and '&', hiding code and state.
    const outcome = this.pending.deliver(parseCallback(uri.toString(true)));
    if (outcome === 'unknown-state') {
      this.log.warn(
        'A sign-in callback arrived for a state VS Code is not waiting for (finished, cancelled, timed out, or not ours). It was ignored.',
      );
      void notifyWarning(
        'RingCentral: a sign-in response arrived, but no sign-in is waiting for it (it finished, timed out or was cancelled). Run "RingCentral: Sign In" again.',
      );
    } else if (outcome === 'invalid') {
      this.log.warn('A callback without code or error arrived and was ignored.');
    }
  }
}
