// The exported .http file, sent request by request against the emulator the way the REST Client extension reads
// it: file variables, `###` separators, `# @name` request variables ({{name.response.body.$.field}}),
// {{$dotenv NAME}}, and "Authorization: Basic id:secret" encoded. (No VS Code here: this small reader follows
// REST Client's documented syntax, so a file it cannot chain would not chain there either.)
import * as assert from 'node:assert/strict';
import { buildHttpFile } from '../../../src/core/export/httpFile';
import { CONFIDENTIAL, DEMO_APP, useExportEmulator } from './exportEmulatorKit';

interface Sent {
  name: string;
  status: number;
  body: Record<string, unknown>;
}

/** Sends every request of a REST Client file in order; returns what each answered. */
async function sendAll(text: string, dotenv: Record<string, string>): Promise<Sent[]> {
  const [preamble, ...blocks] = text.split(/^###.*$/m);
  const fileVariables = new Map<string, string>();
  for (const match of preamble.matchAll(/^@(\w+)\s*=\s*(.*)$/gm)) fileVariables.set(match[1], match[2].trim());
  const responses = new Map<string, Record<string, unknown>>();
  const resolve = (value: string, depth = 0): string =>
    value.replace(/\{\{\s*([^}]+?)\s*\}\}/g, (_, name: string) => {
      assert.ok(depth < 10, `variable loop at ${name}`);
      const dotenvMatch = /^\$dotenv (\w+)$/.exec(name);
      if (dotenvMatch) return dotenv[dotenvMatch[1]] ?? '';
      const responseMatch = /^(\w+)\.response\.body\.\$\.(\w+)$/.exec(name);
      if (responseMatch) {
        const body = responses.get(responseMatch[1]);
        assert.ok(body, `{{${name}}} is used before request ${responseMatch[1]} was sent`);
        return String(body[responseMatch[2]] ?? '');
      }
      const variable = fileVariables.get(name);
      assert.ok(variable !== undefined, `unknown variable {{${name}}}`);
      return resolve(variable, depth + 1);
    });
  const sent: Sent[] = [];
  for (const block of blocks) {
    const lines = block
      .split('\n')
      .filter(
        (line, index, all) =>
          !(line.startsWith('#') && all.slice(0, index).every((l) => l.startsWith('#') || !l.trim())),
      );
    const name = /^# @name (\w+)$/m.exec(block)?.[1] ?? '';
    const start = lines.findIndex((line) => /^(GET|POST) /.test(line));
    const [method, url] = resolve(lines[start]).split(' ');
    const blank = lines.indexOf('', start);
    const headers: Record<string, string> = {};
    for (const line of lines.slice(start + 1, blank)) {
      const [header, ...rest] = line.split(':');
      let value = resolve(rest.join(':').trim());
      if (header.toLowerCase() === 'authorization' && value.startsWith('Basic ')) {
        value = `Basic ${Buffer.from(value.slice(6)).toString('base64')}`;
      }
      headers[header] = value;
    }
    const body = lines
      .slice(blank + 1)
      .map((line) => resolve(line.trim()))
      .join('');
    const response = await fetch(url, {
      method,
      headers,
      body: method === 'GET' ? undefined : body,
      redirect: 'manual',
    });
    const textBody = await response.text();
    const parsed = textBody ? (JSON.parse(textBody) as Record<string, unknown>) : {};
    responses.set(name, parsed);
    sent.push({ name, status: response.status, body: parsed });
  }
  return sent;
}

describe('.http export sent against the emulator', function () {
  this.timeout(30_000);
  const ctx = useExportEmulator();

  it('JWT, confidential app: sign-in, who-am-I, refresh, revoke chain; the revoke ends the session', async () => {
    const { emu } = ctx;
    const secrets = ctx.confidentialJwtSecrets();
    const file = buildHttpFile(ctx.jwtProfile({ name: 'JWT' }));
    assert.doesNotMatch(file.text, new RegExp(String(CONFIDENTIAL.clientSecret)));
    const sent = await sendAll(file.text, secrets.env);
    assert.deepEqual(
      sent.map((request) => `${request.name} ${request.status}`),
      ['signIn 200', 'whoAmI 200', 'refresh 200', 'revoke 200'],
    );
    assert.equal(sent[1].body.name, 'Ada Lovelace');
    const rest = await fetch(`${emu.url}/restapi/v1.0/account/~/extension/~`, {
      headers: { Authorization: `Bearer ${String(sent[2].body.access_token)}` },
    });
    assert.equal(rest.status, 401, 'the revoke ended the refreshed session');
  });

  it('auth code, public app: the exchange with client_id in the body, then the chain', async () => {
    const { emu } = ctx;
    const code = await ctx.preAuthorizedCode();
    const file = buildHttpFile(ctx.codeProfile({ name: 'PKCE', registeredRedirectUris: undefined }));
    const sent = await sendAll(file.text, code);
    assert.deepEqual(
      sent.map((request) => `${request.name} ${request.status}`),
      ['signIn 200', 'whoAmI 200', 'refresh 200', 'revoke 200'],
    );
    const exchange = emu.requests.find((request) => request.form?.grant_type === 'authorization_code');
    assert.equal(exchange?.form?.client_id, DEMO_APP.clientId);
    assert.equal(exchange?.headers.authorization, undefined);
  });
});
