// Section 2: module load time of the bundle, the part of activation cost this bundle controls before activate() runs.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { median, round } from './stats.mjs';

const PROBE = fileURLToPath(new URL('./loadProbe.mjs', import.meta.url));

function probe(bundle) {
  return JSON.parse(execFileSync(process.execPath, [PROBE, bundle], { encoding: 'utf8' }));
}

export function measureLoad(bundle, runs = 15) {
  // One untimed run first so every timed run reads the bundle from a warm OS file cache, as VS Code usually does.
  const first = probe(bundle);
  if (!first.exportsActivate) throw new Error(`${bundle} does not export activate()`);
  const samples = Array.from({ length: runs }, () => probe(bundle));
  const loadMs = samples.map((s) => s.loadMs);
  return {
    runs,
    medianMs: round(median(loadMs)),
    minMs: round(Math.min(...loadMs)),
    maxMs: round(Math.max(...loadMs)),
    // RSS of the whole child Node process; the baseline (before require) shows what is Node's own.
    rssAfterBytes: median(samples.map((s) => s.rssAfter)),
    rssBaselineBytes: median(samples.map((s) => s.rssBefore)),
    rssDeltaBytes: median(samples.map((s) => s.rssAfter - s.rssBefore)),
  };
}
