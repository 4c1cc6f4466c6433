// Section 2: module load time of the bundle, the part of activation cost this bundle controls before activate() runs,
// next to the GitHub Authentication extension that ships inside the installed code-server: both loaded with the same
// `vscode` stub, in alternating fresh processes of the same run, so a busy machine slows both alike.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { median, round } from './stats.mjs';

const PROBE = fileURLToPath(new URL('./loadProbe.mjs', import.meta.url));

/** VS Code's own GitHub Authentication extension, as the installed code-server ships it (npm run setup). */
export const REFERENCE_BUNDLE =
  '.vscode-test/code-server/node_modules/code-server/lib/vscode/extensions/github-authentication/dist/extension.js';

function probe(bundle) {
  return JSON.parse(execFileSync(process.execPath, [PROBE, bundle], { encoding: 'utf8' }));
}

function summary(samples) {
  const loadMs = samples.map((s) => s.loadMs);
  return {
    runs: samples.length,
    medianMs: round(median(loadMs)),
    minMs: round(Math.min(...loadMs)),
    maxMs: round(Math.max(...loadMs)),
    // RSS of the whole child Node process; the baseline (before require) shows what is Node's own.
    rssAfterBytes: median(samples.map((s) => s.rssAfter)),
    rssBaselineBytes: median(samples.map((s) => s.rssBefore)),
    rssDeltaBytes: median(samples.map((s) => s.rssAfter - s.rssBefore)),
  };
}

/** `reference`: undefined when code-server is not installed; the bundle is measured on its own then. */
export function measureLoad(
  bundle,
  runs = 15,
  reference = existsSync(REFERENCE_BUNDLE) ? REFERENCE_BUNDLE : undefined,
) {
  const bundles = reference ? [bundle, reference] : [bundle];
  // One untimed run of each first so every timed run reads from a warm OS file cache, as VS Code usually does.
  for (const file of bundles) {
    if (!probe(file).exportsActivate) throw new Error(`${file} does not export activate()`);
  }
  const samples = bundles.map(() => []);
  for (let run = 0; run < runs; run++) bundles.forEach((file, i) => samples[i].push(probe(file)));
  const own = summary(samples[0]);
  if (!reference) return own;
  const other = summary(samples[1]);
  return { ...own, reference: { bundle: reference, ...other }, ratio: round(own.medianMs / other.medianMs) };
}
