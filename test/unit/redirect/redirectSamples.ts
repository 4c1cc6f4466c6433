// Redirect URIs the redirect tests compare: the editor's own, the loopback one, and code-server's (a query of its own).
import { MismatchKind, RegisteredComparison } from '../../../src/core/redirect/mismatch';

export const V = 'vscode://rcdevtools.ringcentral-oauth/callback';
export const L = 'http://127.0.0.1:53134/callback';
export const CODE_SERVER =
  'http://127.0.0.1:8080/stable-0123456789abcdef/callback?vscode-reqid=1&vscode-scheme=code-oss' +
  '&vscode-authority=rcdevtools.ringcentral-oauth&vscode-path=%2Fcallback';

/** The kinds of difference a comparison found, or exact-match. */
export function kinds(comparison: RegisteredComparison): MismatchKind[] {
  return comparison.matches ? ['exact-match'] : comparison.differences.map((d) => d.kind);
}
