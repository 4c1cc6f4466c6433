// Loopback redirect: a server on 127.0.0.1 at the user's fixed, registered port, up only while a sign-in waits.
// A busy port is reported; a random one would not match the registered redirect URI.
import type * as Http from 'node:http';
import { parseCallback } from '../../core/oauth/callback';
import { CALLBACK_PATH, LOOPBACK_HOST } from '../../core/redirect/redirectUri';
import type { PendingAuthorizations } from '../../core/oauth/pendingAuthorizations';
import { callbackPage } from './callbackPage';
import { LoopbackPortBusyError } from '../errors';

// Required when a receiver starts, not at activation.
const http = (): typeof Http => require('node:http');

export async function startLoopbackReceiver(port: number, pending: PendingAuthorizations): Promise<{ close(): void }> {
  const server = http().createServer((request, response) => {
    const url = new URL(request.url ?? '/', `http://${LOOPBACK_HOST}:${port}`);
    if (url.pathname !== CALLBACK_PATH) {
      response.writeHead(404, { 'Content-Type': 'text/plain' });
      response.end('Not found');
      return;
    }
    const result = parseCallback(url.search);
    const delivered = pending.deliver(result);
    const [status, page] =
      delivered === 'accepted'
        ? result.kind === 'code'
          ? [200, callbackPage('Signed in to RingCentral', 'You can close this tab and return to VS Code.', true)]
          : [
              200,
              callbackPage(
                'RingCentral sign-in did not complete',
                'VS Code shows what happened and what to do next. You can close this tab.',
                false,
              ),
            ]
        : delivered === 'unknown-state'
          ? [
              400,
              callbackPage(
                'This sign-in link has expired',
                'VS Code is not waiting for this sign-in any more (it finished, was cancelled or timed out). Run "RingCentral: Sign In" again.',
                false,
              ),
            ]
          : [
              400,
              callbackPage('Not a RingCentral sign-in response', result.kind === 'invalid' ? result.reason : '', false),
            ];
    response.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    response.end(page);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' || error.code === 'EACCES' ? new LoopbackPortBusyError(port) : error),
    );
    server.listen(port, LOOPBACK_HOST, () => resolve());
  });
  return {
    close: () => {
      server.close();
      server.closeAllConnections();
    },
  };
}
