// Bundles with esbuild: the extension into CommonJS files in dist/ (extension.js, plus knowledge.js loaded on first
// use; see scripts/bundles.mjs), and the diagnostics panel's TypeScript app and styles for the browser
// (dist/panel/panel.js and panel.css).
import * as esbuild from 'esbuild';
import { extensionBundles, panelBundle } from './bundles.mjs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
const bundles = [extensionBundles({ production }), panelBundle({ production })].map((options) => ({
  ...options,
  logLevel: 'info',
}));

if (watch) {
  for (const options of bundles) await (await esbuild.context(options)).watch();
} else {
  for (const options of bundles) {
    const result = await esbuild.build(options);
    for (const [file, output] of Object.entries(result.metafile.outputs)) {
      if (!file.endsWith('.map'))
        console.log(`${file}: ${(output.bytes / 1024).toFixed(1)} KiB${production ? ' (minified)' : ''}`);
    }
  }
}
