// Small timing and statistics helpers shared by the benchmark sections.
import { performance } from 'node:perf_hooks';

/** Nearest-rank percentile of an ascending array (p in 0..100). Nearest-rank keeps every reported value a real sample. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function median(values) {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

/** p50 / p95 / max / mean of latency samples in ms. */
export function latencySummary(samplesMs) {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, value) => sum + value, 0) / sorted.length;
  return {
    n: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    max: round(sorted[sorted.length - 1]),
    mean: round(mean),
  };
}

/** Results are kept here so V8 cannot treat a benchmarked call as dead code. */
let _sink;
function consume(value) {
  _sink = value;
}

/**
 * µs per call of `fn(i)` over `calls` calls, after `warmup` untimed calls (steady state: V8 has optimised the code,
 * which is what a user who hits the same path twice sees). The calls are split into `batches` timed batches and the
 * median batch is reported: on a shared 2-core machine one batch can be hit by a GC or a neighbour, the median is not.
 */
export function microbench(fn, { calls, batches = 5, warmup = Math.ceil(calls / 10) }) {
  for (let i = 0; i < warmup; i++) consume(fn(i));
  const perBatch = Math.ceil(calls / batches);
  const usPerCall = [];
  let i = 0;
  for (let b = 0; b < batches; b++) {
    const start = performance.now();
    for (let k = 0; k < perBatch; k++, i++) consume(fn(i));
    usPerCall.push(((performance.now() - start) * 1000) / perBatch);
  }
  return {
    calls: perBatch * batches,
    usPerCall: round(median(usPerCall), 3),
    minUsPerCall: round(Math.min(...usPerCall), 3),
  };
}

export function round(value, digits = 2) {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function kib(bytes) {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}
