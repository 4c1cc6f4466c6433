// `npm run package`: production bundles, then a VSIX from them (no src/, tests, emulator, tools, panel sources or source maps inside).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { BUNDLE_FILES } from './bundles.mjs';

const require = createRequire(import.meta.url);
const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
const out = process.argv[2] ?? `${manifest.name}-${manifest.version}.vsix`;

rmSync('dist', { recursive: true, force: true });
mkdirSync(dirname(out) || '.', { recursive: true });
execFileSync(process.execPath, ['scripts/build.mjs', '--production'], { stdio: 'inherit' });
// The installed extension's README: the repository's, without the screenshots (relative images need a
// published repository URL, and they would only bloat the VSIX).
const readme = readFileSync('README.md', 'utf8').replace(/^!\[[^\]]*\]\(media\/readme\/[^)]+\)\s*$/gm, '');
writeFileSync('dist/README.md', readme);
const vsce = join(dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');
execFileSync(
  process.execPath,
  [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--readme-path', 'dist/README.md', '--out', out],
  { stdio: 'inherit' },
);
const listing = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { encoding: 'utf8' });
const files = listing
  .split('\n')
  .map((file) => file.trim())
  .filter(Boolean);
// media/ holds sources and README pictures; only the walkthrough's pages ship (VS Code shows them from the VSIX).
const forbidden = files.filter(
  (file) => /^(src|test|out|emulator|tools)\/|\.map$/.test(file) || /^media\/(?!walkthrough\/[^/]+\.md$)/.test(file),
);
if (forbidden.length > 0) {
  console.error(`The VSIX must not contain sources, tests or source maps: ${forbidden.join(', ')}`);
  process.exit(1);
}
// Without knowledge.js (or the secret registry both bundles share) the first diagnosis fails; without the panel's
// bundle (src/vscode/diagnosticsPanel.ts) the panel stays blank.
// Every page the walkthrough names must ship, or its step shows nothing.
const walkthroughMedia = (manifest.contributes.walkthroughs ?? []).flatMap((walkthrough) =>
  walkthrough.steps.map((step) => step.media?.markdown).filter(Boolean),
);
const missing = [...BUNDLE_FILES, ...walkthroughMedia].filter((file) => !files.includes(file));
if (missing.length > 0) {
  console.error(`The VSIX lacks ${missing.join(', ')}`);
  process.exit(1);
}
console.log(`${out}: ${(statSync(out).size / 1024).toFixed(1)} KiB`);
