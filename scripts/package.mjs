// `npm run package`: a production bundle, then a VSIX from it (no src/, tests or source maps inside).
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
const out = process.argv[2] ?? `${manifest.name}-${manifest.version}.vsix`;

rmSync('dist', { recursive: true, force: true });
execFileSync(process.execPath, ['scripts/build.mjs', '--production'], { stdio: 'inherit' });
const vsce = join(dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');
execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '--out', out], { stdio: 'inherit' });
const listing = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { encoding: 'utf8' });
const forbidden = listing.split('\n').filter((file) => /^(src|test|out)\/|\.map$/.test(file.trim()));
if (forbidden.length > 0) {
  console.error(`The VSIX must not contain sources, tests or source maps: ${forbidden.join(', ')}`);
  process.exit(1);
}
console.log(`${out}: ${(statSync(out).size / 1024).toFixed(1)} KiB`);
