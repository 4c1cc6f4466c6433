// Section 1: what users download. The production bundle, the VSIX built from it, and which sources fill the bundle.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import * as esbuild from 'esbuild';
import { extensionBundles } from '../bundles.mjs';

const BUNDLE = 'dist/extension.js';
export const VSIX = 'test-results/bench.vsix';

const KNOWLEDGE = 'dist/knowledge.js';

/**
 * The options of scripts/build.mjs --production (scripts/bundles.mjs), minus writing: the metafile tells how many
 * output bytes each input contributes. `metafileMatchesBundle` in the result shows when the two have drifted.
 */
const BUILD_OPTIONS = { ...extensionBundles({ production: true }), write: false, logLevel: 'silent' };

/** Runs a project script quietly; its output is shown only when it fails, so the bench output stays a table. */
function runScript(args) {
  try {
    execFileSync(process.execPath, args, { stdio: 'pipe', encoding: 'utf8' });
  } catch (error) {
    process.stderr.write(`${error.stdout ?? ''}${error.stderr ?? ''}`);
    throw new Error(`node ${args.join(' ')} failed (exit ${error.status})`, { cause: error });
  }
}

/**
 * Entries of a zip from its central directory (no unzip tool or dependency needed). The central directory sits at the
 * offset named by the end-of-central-directory record, which is the last 22 bytes plus an optional comment.
 */
export function readZipEntries(zip) {
  const EOCD = 0x06054b50;
  const CENTRAL = 0x02014b50;
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip file: no end-of-central-directory record');
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const entries = [];
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(p) !== CENTRAL) throw new Error(`corrupt central directory at entry ${n}`);
    const nameLength = zip.readUInt16LE(p + 28);
    const extraLength = zip.readUInt16LE(p + 30);
    const commentLength = zip.readUInt16LE(p + 32);
    entries.push({
      name: zip.toString('utf8', p + 46, p + 46 + nameLength),
      compressed: zip.readUInt32LE(p + 20),
      size: zip.readUInt32LE(p + 24),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries.filter((entry) => !entry.name.endsWith('/')); // directories are not files
}

/** The top contributors to the minified bundle, by bytes each input ends up as in the output. */
async function bundleContributors(top) {
  const result = await esbuild.build(BUILD_OPTIONS);
  await esbuild.stop(); // the esbuild service process would otherwise idle beside the timed sections that follow
  const output = result.metafile.outputs[BUNDLE];
  const inputs = Object.entries(output.inputs)
    .map(([file, info]) => ({ file, bytes: info.bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes);
  return {
    outputBytes: output.bytes,
    inputCount: inputs.length,
    top: inputs.slice(0, top).map((input) => ({ ...input, share: input.bytes / output.bytes })),
  };
}

export async function measurePackage() {
  // The production bundle on its own first, so its size is reported even if packaging fails.
  const buildStart = performance.now();
  runScript(['scripts/build.mjs', '--production']);
  const buildMs = performance.now() - buildStart;
  const bundleBytes = statSync(BUNDLE).size;
  const knowledgeBytes = statSync(KNOWLEDGE).size;

  // package.mjs rebuilds the same bundle and checks that no sources, tests or maps slipped into the VSIX.
  rmSync(VSIX, { force: true });
  const packageStart = performance.now();
  runScript(['scripts/package.mjs', VSIX]);
  const packageMs = performance.now() - packageStart;
  const vsixBytes = statSync(VSIX).size;
  const entries = readZipEntries(readFileSync(VSIX));
  const bundleEntry = entries.find((entry) => entry.name === `extension/${BUNDLE}`);

  const contributors = await bundleContributors(8);
  return {
    bundleBytes,
    knowledgeBytes,
    buildMs: Math.round(buildMs),
    packageMs: Math.round(packageMs),
    vsixBytes,
    vsixFiles: entries.length,
    vsixEntries: entries, // name, size and compressed bytes of each file, so a size change can be traced to its file
    vsixUncompressedBytes: entries.reduce((sum, entry) => sum + entry.size, 0),
    bundleInVsixCompressedBytes: bundleEntry?.compressed,
    metafileMatchesBundle: contributors.outputBytes === bundleBytes,
    bundleInputs: contributors.inputCount,
    topContributors: contributors.top,
  };
}
