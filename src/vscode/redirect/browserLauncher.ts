// Opens the authorize URL in the user's browser through a one-shot 302 page on 127.0.0.1.
// Why: web hosts (code-server, Codespaces) re-encode the query of URLs passed to openExternal and cut
// redirect_uri at its first '&'. A URL with nothing percent-encoded survives, and browsers follow a 302 exactly.
import type * as NodeCrypto from 'node:crypto';
import type * as Http from 'node:http';
import * as vscode from 'vscode';

export interface LaunchResult {
  /** What openExternal was given (random path, no secrets). */
  launchUrl: string;
}

const LAUNCH_PAGE_LIFETIME_MS = 120_000;

// Required at the first sign-in, not at activation.
const http = (): typeof Http => require('node:http');
const crypto = (): typeof NodeCrypto => require('node:crypto');

export async function openAuthorizeUrlInBrowser(authorizeUrl: string, signal?: AbortSignal): Promise<LaunchResult> {
  const token = crypto().randomBytes(16).toString('hex');
  const server = http().createServer((request, response) => {
    if (request.url === `/launch/${token}`) {
      response.writeHead(302, {
        Location: authorizeUrl,
        'Cache-Control': 'no-store',
        'Referrer-Policy': 'no-referrer',
      });
      response.end();
      close();
    } else {
      response.writeHead(404, { 'Content-Type': 'text/plain' });
      response.end('Not found');
    }
  });
  const close = () => {
    clearTimeout(timer);
    if (server.listening) server.close();
  };
  const timer = setTimeout(close, LAUNCH_PAGE_LIFETIME_MS);
  // A cancelled or timed-out sign-in must not leave a page that still leads to its authorize URL.
  signal?.addEventListener('abort', close, { once: true });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const port = (server.address() as { port: number }).port;
    const launchUrl = `http://127.0.0.1:${port}/launch/${token}`;
    const opened = await vscode.env.openExternal(vscode.Uri.parse(launchUrl));
    if (!opened) {
      throw new Error(
        'VS Code could not open a browser. Copy the sign-in link from the RingCentral log (Show Log) and open it yourself.',
      );
    }
    return { launchUrl };
  } catch (error) {
    close();
    throw error;
  }
}
