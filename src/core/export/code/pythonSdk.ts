// "Generate Sign-In Code" for Python with the official SDK (pip install ringcentral). The SDK refreshes an expired
// token by itself but not after a 401, and keeps tokens in memory only: the program saves them, refreshes under a
// lock (one refresh across processes) and retries once after a 401.
import { ENV, PATHS } from '../profile';
import { CodeSettings, GeneratedCode, headerLines, jsonLiteral, prefixLines } from './common';

function signInFunction(settings: CodeSettings): string {
  if (settings.flow === 'jwt') {
    return `def sign_in(platform):
    jwt = os.environ.get('${ENV.jwt}', '')
    if not jwt:
        raise SystemExit('Error: set ${ENV.jwt} to the JWT credential (Developer Console > Credentials > JWT).')
    platform.login(jwt=jwt)`;
  }
  return `def b64url(data):
    return base64.urlsafe_b64encode(data).decode('ascii').rstrip('=')


def sign_in(platform):
    code = os.environ.get('${ENV.authCode}', '')
    verifier = os.environ.get('${ENV.codeVerifier}', '')
    if not code:
        # PKCE (S256) and a fresh state for this sign-in only.
        verifier = b64url(secrets.token_bytes(32))
        state = b64url(secrets.token_bytes(16))
        challenge = b64url(hashlib.sha256(verifier.encode('ascii')).digest())
        print('1. Open this address in a browser and sign in:')
        print(platform.login_url(REDIRECT_URI, state, challenge, 'S256'))
        print('2. Paste the address the browser was sent to (it starts with ' + REDIRECT_URI + '):')
        sys.stdout.flush()
        parts = urllib.parse.urlsplit(sys.stdin.readline().strip())
        params = urllib.parse.parse_qs(parts.query or parts.fragment)
        first = lambda name: (params.get(name) or [''])[0]
        if first('error'):
            raise SystemExit('Error: RingCentral did not sign you in: %s %s' % (first('error'), first('error_description')))
        if first('state') != state:
            raise SystemExit('Error: the pasted address does not carry the state this sign-in sent: it belongs to '
                             'another sign-in (or was altered). Nothing was exchanged; run the program again.')
        code = first('code')
    elif not verifier:
        raise SystemExit('Error: ${ENV.authCode} needs the PKCE verifier of the same sign-in in ${ENV.codeVerifier}.')
    # redirect_uri must be the same string as in the authorize request.
    platform.login(code=code, redirect_uri=REDIRECT_URI, verifier=verifier)`;
}

export function generatePythonSdk(settings: CodeSettings): GeneratedCode {
  const header = headerLines(settings, ['Run:  pip install ringcentral', '      python3 ringcentral_sign_in_sdk.py']);
  const text = `#!/usr/bin/env python3
${prefixLines(header, '# ')}
import base64
import hashlib
import json
import os
import secrets
import sys
import time
import urllib.parse

from ringcentral import SDK
from ringcentral.http.api_exception import ApiException

REDIRECT_URI = ${jsonLiteral(settings.redirectUri)}
TOKEN_FILE = os.environ.get('${ENV.tokenFile}', 'ringcentral-tokens.json')
LOCK_FILE = TOKEN_FILE + '.lock'


def load_tokens():
    try:
        with open(TOKEN_FILE, encoding='utf-8') as file:
            return json.load(file)
    except FileNotFoundError:
        return None


def save_tokens(platform):
    """Written whole, then renamed: a crash never leaves half a file. Readable by you only."""
    descriptor = os.open(TOKEN_FILE + '.tmp', os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, 'w', encoding='utf-8') as file:
        json.dump(platform.auth().data(), file)
    os.replace(TOKEN_FILE + '.tmp', TOKEN_FILE)


def refresh(platform):
    """One refresh at a time, across processes: RingCentral rotates refresh tokens, each works once."""
    deadline = time.time() + 30
    while True:
        try:
            os.close(os.open(LOCK_FILE, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
            break
        except FileExistsError:
            try:
                if time.time() - os.path.getmtime(LOCK_FILE) > 60:
                    os.remove(LOCK_FILE)  # left behind by a run that crashed
                    continue
            except FileNotFoundError:
                continue
            if time.time() > deadline:
                raise SystemExit('Error: another run has been refreshing for 30 s (' + LOCK_FILE + ').')
            time.sleep(0.1)
    try:
        latest = load_tokens()
        if latest and latest.get('refresh_token') != platform.auth().refresh_token():
            platform.auth().set_data(latest)  # another run refreshed while this one waited
            return
        platform.refresh()
        save_tokens(platform)  # at once: the refresh token just used is dead
    finally:
        os.remove(LOCK_FILE)


${signInFunction(settings)}


def main():
    # Without a client secret the SDK still sends HTTP Basic, with an empty secret (a public PKCE app).
    sdk = SDK(os.environ.get('${ENV.clientId}', ${jsonLiteral(settings.clientId)}),
              os.environ.get('${ENV.clientSecret}', ''),
              os.environ.get('${ENV.server}', ${jsonLiteral(settings.server)}).rstrip('/'),
              'ringcentral-sign-in', '1.0.0', REDIRECT_URI)
    platform = sdk.platform()
    saved = load_tokens()
    if saved is None:
        sign_in(platform)
        save_tokens(platform)
        print('Signed in; tokens saved to ' + TOKEN_FILE)
    else:
        platform.auth().set_data(saved)
    if not platform.auth().access_token_valid():
        refresh(platform)
    try:
        me = platform.get('${PATHS.whoAmI}').json_dict()
    except ApiException as error:
        response = error.api_response().response() if error.api_response() else None
        if response is None or response.status_code != 401:
            raise
        refresh(platform)  # expired or revoked early: refresh once, then retry
        me = platform.get('${PATHS.whoAmI}').json_dict()
    print('Signed in as %s (extension %s)' % (me.get('name'), me.get('id')))


if __name__ == '__main__':
    try:
        main()
    except ApiException as error:
        # The message carries RingCentral's words; errors[0].errorCode (OAU-xxx, CMN-xxx) is in the response body.
        print('Error: %s' % error, file=sys.stderr)
        sys.exit(1)
`;
  return { language: 'python', fileName: 'ringcentral_sign_in_sdk.py', text, warnings: settings.warnings };
}
