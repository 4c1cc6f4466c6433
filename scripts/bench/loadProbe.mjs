// Child process for the module-load benchmark: times require() of the bundle once, in a fresh Node, with `vscode`
// stubbed. Run as `node scripts/bench/loadProbe.mjs <bundle>`; prints one JSON line. A fresh process per sample is the
// point: a second require() in the same process would hit the module cache and measure nothing.
import Module, { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

/**
 * The bundle only touches `vscode` inside activate(), but esbuild's __toESM wrapper and any top-level
 * `vscode.X` read must not crash. A Proxy over a function answers every property, call and `new` with itself.
 * `then` stays undefined so the stub is never mistaken for a promise.
 */
function vscodeStub() {
  const target = function vscode() {};
  const stub = new Proxy(target, {
    get: (t, property) => (property === 'then' || typeof property === 'symbol' ? undefined : property === 'prototype' ? t.prototype : stub),
    apply: () => stub,
    construct: () => stub,
  });
  return stub;
}

const bundle = resolve(process.argv[2]);
const stub = vscodeStub();
const originalLoad = Module._load;
Module._load = function load(request, parent, isMain) {
  return request === 'vscode' ? stub : originalLoad.call(this, request, parent, isMain);
};
const require = createRequire(import.meta.url);

const rssBefore = process.memoryUsage().rss;
const start = performance.now();
const exports = require(bundle);
const loadMs = performance.now() - start;
const rssAfter = process.memoryUsage().rss;
process.stdout.write(JSON.stringify({ loadMs, rssBefore, rssAfter, exportsActivate: typeof exports.activate === 'function' }));
