// "Generate Sign-In Code" for Node.js with the official @ringcentral/sdk. The SDK already refreshes on expiry and
// once on a 401, single-flight within the process; the program adds what it lacks: the session saved to a file on
// every login and refresh, and a lock so that two runs never spend the same refresh token.
import { ENV, PATHS } from '../profile';
import { CodeSettings, GeneratedCode, headerLines, jsonLiteral, prefixLines } from './common';

function signInFunction(settings: CodeSettings): string {
  if (settings.flow === 'jwt') {
    return `async function signIn() {
  const jwt = process.env.${ENV.jwt};
  if (!jwt) throw new SignInError('Set ${ENV.jwt} to the JWT credential (Developer Console > Credentials > JWT).');
  await platform.login({ jwt });
}`;
  }
  return `async function signIn() {
  const code = process.env.${ENV.authCode};
  if (code) {
    const verifier = process.env.${ENV.codeVerifier};
    if (!verifier) throw new SignInError('${ENV.authCode} needs the PKCE verifier of the same sign-in in ${ENV.codeVerifier}.');
    await platform.login({ code, redirect_uri: REDIRECT_URI, code_verifier: verifier });
    return;
  }
  // usePKCE: the SDK makes the verifier and the S256 challenge, and sends the verifier with the code below.
  const state = crypto.randomBytes(16).toString('base64url');
  const url = platform.loginUrl({ usePKCE: true, state, redirectUri: REDIRECT_URI });
  console.log('1. Open this address in a browser and sign in:');
  console.log(url);
  console.log('2. Paste the address the browser was sent to (it starts with ' + REDIRECT_URI + '):');
  const pasted = (await readLine()).trim();
  if (!pasted) throw new SignInError('No address was pasted. Without a terminal, set ${ENV.authCode} and ${ENV.codeVerifier}.');
  const landed = new URL(pasted);
  const params = new URLSearchParams(landed.search || landed.hash.slice(1));
  if (params.get('error')) {
    throw new SignInError('RingCentral did not sign you in: ' + params.get('error') + ' ' + (params.get('error_description') || ''));
  }
  if (params.get('state') !== state) {
    throw new SignInError('The pasted address does not carry the state this sign-in sent: it belongs to another sign-in (or was altered). Nothing was exchanged; run the program again.');
  }
  if (!params.get('code')) throw new SignInError('The pasted address has no code parameter.');
  // redirect_uri must be the same string as in the authorize request.
  await platform.login({ code: params.get('code'), redirect_uri: REDIRECT_URI });
}

function readLine() {
  return new Promise((resolve) => {
    const lines = readline.createInterface({ input: process.stdin });
    let answered = false;
    // stdin is let go after one line, so the program can end while a terminal stays open.
    lines.once('line', (line) => { answered = true; lines.close(); process.stdin.destroy(); resolve(line); });
    lines.once('close', () => { if (!answered) resolve(''); });
  });
}`;
}

export function generateNode(settings: CodeSettings): GeneratedCode {
  const header = headerLines(settings, ['Run:  npm install @ringcentral/sdk', '      node ringcentral-sign-in.js']);
  const text = `#!/usr/bin/env node
${prefixLines(header, '// ')}
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const readline = require('node:readline');
const { SDK } = require('@ringcentral/sdk');

const SERVER = (process.env.${ENV.server} || ${jsonLiteral(settings.server)}).replace(/\\/+$/, '');
const CLIENT_ID = process.env.${ENV.clientId} || ${jsonLiteral(settings.clientId)};
const CLIENT_SECRET = process.env.${ENV.clientSecret} || '';
const REDIRECT_URI = ${jsonLiteral(settings.redirectUri)};
const TOKEN_FILE = process.env.${ENV.tokenFile} || 'ringcentral-tokens.json';
const LOCK_FILE = TOKEN_FILE + '.lock';

class SignInError extends Error {}

// Without a client secret the SDK sends client_id in the body (a public PKCE app); with one, HTTP Basic.
const sdk = new SDK({ server: SERVER, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUri: REDIRECT_URI });
const platform = sdk.platform();

function loadTokens() {
  let text;
  try {
    text = fs.readFileSync(TOKEN_FILE, 'utf8');
  } catch (error) {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new SignInError(TOKEN_FILE + ' is not valid JSON: delete it and sign in again.');
  }
}

/** Written whole, then renamed: a crash never leaves half a file. Readable by you only. */
async function saveTokens() {
  const temporary = TOKEN_FILE + '.tmp';
  fs.writeFileSync(temporary, JSON.stringify(await platform.auth().data()), { mode: 0o600 });
  fs.renameSync(temporary, TOKEN_FILE);
}
// Every new token set is saved at once: after a refresh the old refresh token is dead.
platform.on(platform.events.loginSuccess, () => saveTokens());
platform.on(platform.events.refreshSuccess, () => saveTokens());

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function acquireLock() {
  const deadline = Date.now() + 30000;
  for (;;) {
    try {
      fs.closeSync(fs.openSync(LOCK_FILE, 'wx', 0o600));
      return;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      try {
        if (Date.now() - fs.statSync(LOCK_FILE).mtimeMs > 60000) {
          fs.unlinkSync(LOCK_FILE); // left behind by a run that crashed
          continue;
        }
      } catch {
        continue;
      }
      if (Date.now() > deadline) throw new SignInError('Another run has been refreshing for 30 s (' + LOCK_FILE + ').');
      await sleep(100);
    }
  }
}

// One refresh at a time across processes too: RingCentral rotates refresh tokens, each works once.
const sdkRefresh = platform.refresh.bind(platform);
platform.refresh = async () => {
  await acquireLock();
  try {
    const mine = await platform.auth().data();
    const latest = loadTokens();
    if (latest && latest.refresh_token !== mine.refresh_token) {
      await platform.auth().setData(latest); // another run refreshed while this one waited
      return undefined;
    }
    if (!mine.refresh_token) {
      throw new SignInError('No refresh token: turn on "Issue refresh tokens?" in the Developer Console, then delete ' + TOKEN_FILE + ' and sign in again.');
    }
    return await sdkRefresh();
  } finally {
    fs.rmSync(LOCK_FILE, { force: true });
  }
};

${signInFunction(settings)}

/** RingCentral's error code and words (errors[0].errorCode: OAU-xxx, CMN-xxx) from an SDK error. */
async function describe(error) {
  if (!error.response) return error.message;
  let body = {};
  try {
    body = await error.response.clone().json();
  } catch {
    // not JSON
  }
  const first = (body.errors || [])[0] || {};
  return 'HTTP ' + error.response.status + ' ' + (first.errorCode || body.errorCode || body.error || '') + ' ' + (first.message || body.message || body.error_description || error.message);
}

async function main() {
  const saved = loadTokens();
  if (saved) {
    await platform.auth().setData(saved);
  } else {
    await signIn();
    console.log('Signed in; tokens saved to ' + TOKEN_FILE);
  }
  // The SDK refreshes before the call when the token has expired, and once more on a 401.
  const me = await (await platform.get('${PATHS.whoAmI}')).json();
  console.log('Signed in as ' + me.name + ' (extension ' + me.id + ')');
}

main().catch(async (error) => {
  console.error('Error: ' + (await describe(error)));
  process.exitCode = 1;
});
`;
  return { language: 'javascript', fileName: 'ringcentral-sign-in.js', text, warnings: settings.warnings };
}
