// Child process for the module-load benchmark: times require() of a bundle once, in a fresh Node, with `vscode`
// stubbed (the same stub for this extension and for the GitHub Authentication extension it is compared with).
// Run as `node scripts/bench/loadProbe.mjs <bundle>`; prints one JSON line. A fresh process per sample is the
// point: a second require() in the same process would hit the module cache and measure nothing.
import { readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

/**
 * One stub answers every property, call and `new` with itself (a Proxy over a function); `then` stays undefined so it
 * is never mistaken for a promise.
 */
function universalStub() {
  const target = function vscode() {};
  const stub = new Proxy(target, {
    get: (t, property) =>
      property === 'then' || typeof property === 'symbol' ? undefined : property === 'prototype' ? t.prototype : stub,
    apply: () => stub,
    construct: () => stub,
  });
  return stub;
}

/**
 * The `vscode` module as a bundle sees it at load time. esbuild's __toESM wrapper copies the module's own keys, so
 * every top-level name of the API (read from @types/vscode) is a real key, each the universal stub: a bundle can then
 * read `vscode.X` and even `class extends vscode.EventEmitter` at top level, as GitHub Authentication does.
 */
function vscodeStub() {
  const types = readFileSync(createRequire(import.meta.url).resolve('@types/vscode/index.d.ts'), 'utf8');
  const names = [...types.matchAll(/^\t(?:export )(?:class|namespace|enum|function|const|let|var) (\w+)/gm)].map(
    (m) => m[1],
  );
  const stub = universalStub();
  return Object.fromEntries(names.map((name) => [name, stub]));
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
process.stdout.write(
  JSON.stringify({ loadMs, rssBefore, rssAfter, exportsActivate: typeof exports.activate === 'function' }),
);
