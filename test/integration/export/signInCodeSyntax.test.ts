// Every generated program, for both flows and for a hostile profile (quotes, $(…), comment terminators, line
// breaks in the values a program bakes in), passes its language's own syntax check. The SDK variants that cannot be
// installed here (ringcentral-php, the ringcentral Python SDK, RingCentral.Net) are proven this far only.
import * as assert from 'node:assert/strict';
import { CODE_TARGETS, CodeTarget, generateSignInCode } from '../../../src/core/export/code';
import type { ExportProfile } from '../../../src/core/export/profile';
import { describeRun, PYTHON, requireTool, run, useTempDir, writeFile } from './exportKit';

const CHECKS: Record<CodeTarget, (file: string) => [string, string[]]> = {
  php: (file) => ['php', ['-l', file]],
  'php-sdk': (file) => ['php', ['-l', file]],
  python: (file) => [PYTHON, ['-m', 'py_compile', file]],
  'python-sdk': (file) => [PYTHON, ['-m', 'py_compile', file]],
  csharp: (file) => ['mcs', ['--parse', file]],
  node: (file) => [process.execPath, ['--check', file]],
  bash: (file) => ['bash', ['-n', file]],
};

const PLAIN: ExportProfile = {
  name: 'Production CRM',
  server: 'https://platform.ringcentral.com',
  clientId: 'AbCdEf123',
  flow: 'authorizationCode',
  redirectUri: 'http://localhost:5000/oauth2callback',
  hasClientSecret: true,
};

const HOSTILE: ExportProfile = {
  name: 'evil */ ?> \n"\' $(touch x) `id` \u2028 \\',
  server: `https://h.example/"'\\$(x)\``,
  clientId: `a'b"c\\d$(touch x)\`id\`\n{0}`,
  flow: 'authorizationCode',
  redirectUri: `http://localhost:5000/cb?x='"\\$(y)`,
  hasClientSecret: false,
};

describe('generated sign-in code passes each language syntax check', function () {
  this.timeout(120_000);
  const tmp = useTempDir('rc-code-syntax-');

  before(async () => {
    await requireTool('php');
    await requireTool(PYTHON);
    await requireTool('mcs');
    await requireTool('bash');
  });

  for (const { target } of CODE_TARGETS) {
    it(`${target}: both flows, plain and hostile profiles`, async () => {
      for (const profile of [PLAIN, HOSTILE]) {
        for (const flow of ['authorizationCode', 'jwt'] as const) {
          const code = generateSignInCode({ ...profile, flow }, target);
          const file = writeFile(tmp.dir, code.fileName, code.text);
          const [command, args] = CHECKS[target](file);
          const result = await run(command, args, { timeoutMs: 60_000 });
          assert.equal(
            result.status,
            0,
            `${target} ${flow} ${profile === HOSTILE ? 'hostile' : 'plain'}: ${describeRun(result)}`,
          );
          assert.doesNotMatch(code.text, /RINGCENTRAL_CLIENT_SECRET\s*=\s*['"][^'"]/, 'no secret literal');
        }
      }
    });
  }
});
