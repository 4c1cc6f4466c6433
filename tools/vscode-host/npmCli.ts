// npm's own JavaScript entry point, found through PATH as a shell would (the same lookup the offline installer,
// scripts/install-offline-vscode.mjs, uses), so a test can run the real npm with a Node it names.
import * as fs from 'node:fs';
import * as path from 'node:path';

export function npmCliOnPath(pathVariable = process.env.PATH ?? ''): string {
  for (const dir of pathVariable.split(path.delimiter)) {
    const candidate = path.join(dir, 'npm');
    if (dir && fs.existsSync(candidate)) return fs.realpathSync(candidate);
  }
  throw new Error('npm is not on PATH');
}
