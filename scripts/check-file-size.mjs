// House rule: no hand-written file over 400 lines (generated/ is exempt). A long file is a sign it holds more
// than one concern: split it at its seams. Prints each offending file with its length; exits 1 if there is one.
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';

const MAX_LINES = 400;
const ROOTS = ['src', 'test', 'emulator', 'tools', 'scripts', 'media/panel'];
const CHECKED = new Set(['.ts', '.mjs', '.cjs', '.js', '.css', '.html', '.json']);
const SKIPPED_FOLDERS = new Set(['generated', 'node_modules']);

function* filesUnder(folder) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) yield* filesUnder(path);
    } else if (CHECKED.has(extname(entry.name))) {
      yield path;
    }
  }
}

const lineCount = (path) => readFileSync(path, 'utf8').replace(/\n$/, '').split('\n').length;

const tooLong = ROOTS.flatMap((root) => [...filesUnder(root)])
  .map((path) => ({ path, lines: lineCount(path) }))
  .filter((file) => file.lines > MAX_LINES);

if (tooLong.length === 0) {
  console.log(`No file over ${MAX_LINES} lines in ${ROOTS.join(', ')} (generated/ exempt).`);
} else {
  console.error(`${tooLong.length} file(s) over ${MAX_LINES} lines (split each at its seams):`);
  for (const file of tooLong) console.error(`  ${file.path}: ${file.lines} lines`);
  process.exit(1);
}
