// The esbuild options of every bundle, shared by scripts/build.mjs and the benchmark (scripts/bench/packageSize.mjs).
//
// The extension is three CommonJS files in dist/, `vscode` external:
//   extension.js       what VS Code loads at activation;
//   knowledge.js       the knowledge base and the permission table (src/knowledge.ts), required by
//                      src/vscode/knowledge.ts the first time a diagnosis or a permission check runs;
//   secretRegistry.js  the one module with state that both use: a secret the client registers must be masked in a
//                      diagnosis too, so both bundles require this single copy instead of inlining one each;
//   nodeFetch.js       node-fetch, required by src/vscode/ringcentral/httpFetch.ts at the first request: parsing it
//                      would cost activation a sixth of the extension's load time.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SEPARATE = new Map([
  [resolve(root, 'src/knowledge'), './knowledge.js'],
  [resolve(root, 'src/core/trace/secretRegistry'), './secretRegistry.js'],
  ['node-fetch', './nodeFetch.js'],
]);

/** An import of one of the separate files stays a require() of its file in dist/ instead of being inlined. */
const separateFiles = {
  name: 'separate-files',
  setup(build) {
    build.onResolve({ filter: /^(\.\.?\/|node-fetch$)/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      const target = SEPARATE.get(
        args.path.startsWith('.') ? resolve(args.resolveDir, args.path).replace(/\.ts$/, '') : args.path,
      );
      return target ? { path: target, external: true } : undefined;
    });
  },
};

const VSCODE_ONCE = resolve(root, 'scripts/shims/vscode.mjs');

/** Every `vscode` import in src/ goes through one re-export (see scripts/shims/vscode.mjs). */
const vscodeOnce = {
  name: 'vscode-once',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) =>
      args.importer === VSCODE_ONCE ? { path: 'vscode', external: true } : { path: VSCODE_ONCE },
    );
  },
};

export function extensionBundles({ production }) {
  return {
    entryPoints: [
      { in: 'src/extension.ts', out: 'extension' },
      { in: 'src/knowledge.ts', out: 'knowledge' },
      { in: 'src/core/trace/secretRegistry.ts', out: 'secretRegistry' },
      { in: 'node_modules/node-fetch/lib/index.js', out: 'nodeFetch' },
    ],
    outdir: 'dist',
    bundle: true,
    sourcemap: !production,
    minify: production,
    metafile: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    external: ['vscode'],
    alias: { 'whatwg-url': './scripts/shims/whatwg-url.cjs' },
    plugins: [separateFiles, vscodeOnce],
  };
}

// The webview runs in VS Code's Chromium (Electron, or the browser for code-server and vscode.dev).
export function panelBundle({ production }) {
  return {
    entryPoints: [
      { in: 'src/panel/main.ts', out: 'panel' },
      { in: 'media/panel/panel.css', out: 'panel' },
    ],
    outdir: 'dist/panel',
    bundle: true,
    sourcemap: !production,
    minify: production,
    metafile: true,
    platform: 'browser',
    target: 'chrome114',
    format: 'iife',
  };
}

/** The files of dist/ that the VSIX must hold (scripts/package.mjs checks them). */
export const BUNDLE_FILES = [
  'dist/extension.js',
  'dist/knowledge.js',
  'dist/secretRegistry.js',
  'dist/nodeFetch.js',
  'dist/panel/panel.js',
  'dist/panel/panel.css',
];
