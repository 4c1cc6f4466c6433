// Which real VS Code runs the extension tests: desktop VS Code via @vscode/test-electron where it can be
// downloaded, code-server where it cannot. RC_VSCODE_HOST=electron|code-server forces one.
import { lookup } from 'node:dns/promises';

export type VsCodeHost = 'electron' | 'code-server';

export async function chooseHost(): Promise<VsCodeHost> {
  const forced = process.env.RC_VSCODE_HOST;
  if (forced === 'electron' || forced === 'code-server') return forced;
  try {
    await Promise.race([
      lookup('update.code.visualstudio.com'),
      new Promise((_, reject) => setTimeout(() => reject(new Error('dns timeout')), 3000)),
    ]);
    return 'electron';
  } catch {
    return 'code-server';
  }
}
