// Bundles with esbuild: the extension into one CommonJS file (dist/extension.js, `vscode` external), and the
// diagnostics panel's TypeScript app and styles for the browser (dist/panel/panel.js and panel.css).
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const shared = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  logLevel: 'info',
  metafile: true,
};

const extension = {
  ...shared,
  entryPoints: ['src/extension.ts'],
  outfile: 'dist/extension.js',
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  external: ['vscode'],
  alias: { 'whatwg-url': './scripts/shims/whatwg-url.cjs' },
};

// The webview runs in VS Code's Chromium (Electron, or the browser for code-server and vscode.dev).
const panel = {
  ...shared,
  entryPoints: [
    { in: 'src/panel/main.ts', out: 'panel' },
    { in: 'media/panel/panel.css', out: 'panel' },
  ],
  outdir: 'dist/panel',
  platform: 'browser',
  target: 'chrome114',
  format: 'iife',
};

if (watch) {
  for (const options of [extension, panel]) await (await esbuild.context(options)).watch();
} else {
  for (const options of [extension, panel]) {
    const result = await esbuild.build(options);
    for (const [file, output] of Object.entries(result.metafile.outputs)) {
      if (!file.endsWith('.map')) console.log(`${file}: ${(output.bytes / 1024).toFixed(1)} KiB${production ? ' (minified)' : ''}`);
    }
  }
}
