// Python text both sign-in programs share (plain `requests` and the official SDK): the imports, the token file kept
// private, the refresh lock across processes, and PKCE with the pasted redirect and its state check.
import { ENV } from '../profile';
import { CodeSettings, jsonLiteral } from './common';

/**
 * Writes one `raise` line at `indent` for `message`, a Python expression that starts with a string literal; the
 * continuation lines of an implicitly concatenated message line up under its first quote.
 */
type PythonRaise = (indent: string, message: string) => string;

/** The plain program raises SignInError (main prints it); the SDK program exits with "Error: …" on stderr. */
function pythonRaise(exception: 'SignInError' | 'SystemExit'): PythonRaise {
  return (indent, message) => {
    const opener = `${indent}raise ${exception}(`;
    const text = exception === 'SystemExit' ? message.replace(/^'/, "'Error: ") : message;
    return `${opener}${text.split('\n').join(`\n${' '.repeat(opener.length)}`)})`;
  };
}

const PYTHON_STDLIB_IMPORTS = `import base64
import hashlib
import json
import os
import secrets
import sys
import time
import urllib.parse`;

function pythonFileSettings(settings: CodeSettings): string {
  return `REDIRECT_URI = ${jsonLiteral(settings.redirectUri)}
TOKEN_FILE = os.environ.get('${ENV.tokenFile}', 'ringcentral-tokens.json')
LOCK_FILE = TOKEN_FILE + '.lock'`;
}

/** With `raise`, a token file that is not JSON stops the program with what to do (the SDK program lets it fail). */
function pythonLoadTokens(raise?: PythonRaise): string {
  const notJson = raise
    ? `
    except ValueError:
${raise('        ', "TOKEN_FILE + ' is not valid JSON: delete it and sign in again.'")}`
    : '';
  return `def load_tokens():
    try:
        with open(TOKEN_FILE, encoding='utf-8') as file:
            return json.load(file)
    except FileNotFoundError:
        return None${notJson}`;
}

function pythonSaveTokens(parameter: string, tokensExpression: string): string {
  return `def save_tokens(${parameter}):
    """Written whole, then renamed: a crash never leaves half a file. Readable by you only."""
    temporary = TOKEN_FILE + '.tmp'
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, 'w', encoding='utf-8') as file:
        json.dump(${tokensExpression}, file)
    os.replace(temporary, TOKEN_FILE)`;
}

function pythonAcquireLock(raise: PythonRaise): string {
  return `def acquire_lock():
    deadline = time.time() + 30
    while True:
        try:
            os.close(os.open(LOCK_FILE, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
            return
        except FileExistsError:
            try:
                if time.time() - os.path.getmtime(LOCK_FILE) > 60:
                    os.remove(LOCK_FILE)  # left behind by a run that crashed
                    continue
            except FileNotFoundError:
                continue
            if time.time() > deadline:
${raise('                ', "'Another run has been refreshing for 30 s (' + LOCK_FILE + ').'")}
            time.sleep(0.1)`;
}

const PYTHON_B64URL = `def b64url(data):
    return base64.urlsafe_b64encode(data).decode('ascii').rstrip('=')`;

/**
 * Inside sign_in (8 spaces): a fresh PKCE pair and state, the authorize URL printed (`setup` lines may build it
 * first), and the ask to paste where the browser landed.
 */
function pythonStartPkce(authorizeUrl: string, setup = ''): string {
  return `        # PKCE (S256) and a fresh state for this sign-in only.
        verifier = b64url(secrets.token_bytes(32))
        challenge = b64url(hashlib.sha256(verifier.encode('ascii')).digest())
        state = b64url(secrets.token_bytes(16))
${setup}        print('1. Open this address in a browser and sign in:')
        print(${authorizeUrl})
        print('2. Paste the address the browser was sent to (it starts with ' + REDIRECT_URI + '):')
        sys.stdout.flush()`;
}

/** Inside sign_in (8 spaces): reads the pasted redirect; an error or another state stops before any exchange. */
function pythonCheckRedirect(pasted: string, raise: PythonRaise): string {
  return `        parts = urllib.parse.urlsplit(${pasted})
        params = urllib.parse.parse_qs(parts.query or parts.fragment)
        first = lambda name: (params.get(name) or [''])[0]
        if first('error'):
${raise('            ', "'RingCentral did not sign you in: %s %s' % (first('error'), first('error_description'))")}
        if first('state') != state:
${raise(
  '            ',
  `'The pasted address does not carry the state this sign-in sent: it belongs to another '
'sign-in (or was altered). Nothing was exchanged; run the program again.'`,
)}
        code = first('code')`;
}

/** The shared parts, bound to how the program stops on an error (see pythonRaise). */
export function pythonParts(exception: 'SignInError' | 'SystemExit') {
  const raise = pythonRaise(exception);
  return {
    imports: PYTHON_STDLIB_IMPORTS,
    b64url: PYTHON_B64URL,
    fileSettings: pythonFileSettings,
    /**
     * load_tokens, save_tokens(`saveParameter`) writing `savedTokens`, and acquire_lock. With `stopOnBadJson`, a
     * token file that is not JSON stops the program with what to do.
     */
    tokenFileFunctions: (options: { stopOnBadJson: boolean; saveParameter: string; savedTokens: string }) =>
      [
        pythonLoadTokens(options.stopOnBadJson ? raise : undefined),
        pythonSaveTokens(options.saveParameter, options.savedTokens),
        pythonAcquireLock(raise),
      ].join('\n\n\n'),
    startPkce: pythonStartPkce,
    checkRedirect: (pasted: string) => pythonCheckRedirect(pasted, raise),
  };
}
