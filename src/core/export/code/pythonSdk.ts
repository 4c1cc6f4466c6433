// "Generate Sign-In Code" for Python with the official SDK (pip install ringcentral). The SDK refreshes an expired
// token by itself but not after a 401, and keeps tokens in memory only: the program saves them, refreshes under a
// lock (one refresh across processes) and retries once after a 401.
import { ENV, PATHS } from '../profile';
import { CodeSettings, GeneratedCode, headerLines, jsonLiteral, prefixLines } from './common';
import { pythonParts } from './pythonCommon';

const PY = pythonParts('SystemExit');

function signInFunction(settings: CodeSettings): string {
  if (settings.flow === 'jwt') {
    return `def sign_in(platform):
    jwt = os.environ.get('${ENV.jwt}', '')
    if not jwt:
        raise SystemExit('Error: set ${ENV.jwt} to the JWT credential (Developer Console > Credentials > JWT).')
    platform.login(jwt=jwt)`;
  }
  return `${PY.b64url}


def sign_in(platform):
    code = os.environ.get('${ENV.authCode}', '')
    verifier = os.environ.get('${ENV.codeVerifier}', '')
    if not code:
${PY.startPkce("platform.login_url(REDIRECT_URI, state, challenge, 'S256')")}
${PY.checkRedirect('sys.stdin.readline().strip()')}
    elif not verifier:
        raise SystemExit('Error: ${ENV.authCode} needs the PKCE verifier of the same sign-in in ${ENV.codeVerifier}.')
    # redirect_uri must be the same string as in the authorize request.
    platform.login(code=code, redirect_uri=REDIRECT_URI, verifier=verifier)`;
}

export function generatePythonSdk(settings: CodeSettings): GeneratedCode {
  const header = headerLines(settings, ['Run:  pip install ringcentral', '      python3 ringcentral_sign_in_sdk.py']);
  const text = `#!/usr/bin/env python3
${prefixLines(header, '# ')}
${PY.imports}

from ringcentral import SDK
from ringcentral.http.api_exception import ApiException

${PY.fileSettings(settings)}


${PY.tokenFileFunctions({ stopOnBadJson: false, saveParameter: 'platform', savedTokens: 'platform.auth().data()' })}


def refresh(platform):
    """One refresh at a time, across processes: RingCentral rotates refresh tokens, each works once."""
    acquire_lock()
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
