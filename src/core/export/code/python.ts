// "Generate Sign-In Code" for Python with `requests` (Debian: python3-requests): the whole auth leg by hand.
import { ENV, JWT_GRANT_TYPE, PATHS } from '../profile';
import { CodeSettings, GeneratedCode, headerLines, jsonLiteral, prefixLines } from './common';
import { pythonParts } from './pythonCommon';

const PY = pythonParts('SignInError');

function signInFunction(settings: CodeSettings): string {
  if (settings.flow === 'jwt') {
    return `def sign_in():
    jwt = os.environ.get('${ENV.jwt}', '')
    if not jwt:
        raise SignInError('Set ${ENV.jwt} to the JWT credential (Developer Console > Credentials > JWT).')
    return token_request({'grant_type': ${jsonLiteral(JWT_GRANT_TYPE)}, 'assertion': jwt})`;
  }
  return `${PY.b64url}


def sign_in():
    code = os.environ.get('${ENV.authCode}', '')
    verifier = os.environ.get('${ENV.codeVerifier}', '')
    if code:
        if not verifier:
            raise SignInError('${ENV.authCode} needs the PKCE verifier of the same sign-in in ${ENV.codeVerifier}.')
    else:
${PY.startPkce(
  `SERVER + '${PATHS.authorize}?' + query`,
  `        query = urllib.parse.urlencode({
            'response_type': 'code', 'client_id': CLIENT_ID, 'redirect_uri': REDIRECT_URI,
            'state': state, 'code_challenge': challenge, 'code_challenge_method': 'S256',
        })
`,
)}
        pasted = sys.stdin.readline().strip()
        if not pasted:
            raise SignInError('No address was pasted. Without a terminal, set ${ENV.authCode} and ${ENV.codeVerifier}.')
${PY.checkRedirect('pasted')}
        if not code:
            raise SignInError('The pasted address has no code parameter.')
    # redirect_uri must be the same string as in the authorize request.
    return token_request({'grant_type': 'authorization_code', 'code': code,
                          'redirect_uri': REDIRECT_URI, 'code_verifier': verifier})`;
}

export function generatePython(settings: CodeSettings): GeneratedCode {
  const header = headerLines(settings, [
    'Run:  pip install requests        (Debian/Ubuntu: sudo apt install python3-requests)',
    '      python3 ringcentral_sign_in.py',
  ]);
  const text = `#!/usr/bin/env python3
${prefixLines(header, '# ')}
${PY.imports}

import requests

SERVER = os.environ.get('${ENV.server}', ${jsonLiteral(settings.server)}).rstrip('/')
CLIENT_ID = os.environ.get('${ENV.clientId}', ${jsonLiteral(settings.clientId)})
CLIENT_SECRET = os.environ.get('${ENV.clientSecret}', '')
${PY.fileSettings(settings)}
TIMEOUT_SECONDS = 30


class SignInError(Exception):
    pass


def read_json(response):
    try:
        return response.json()
    except ValueError:
        raise SignInError('HTTP %d with a body that is not JSON (a proxy or a wrong server URL?): %s'
                          % (response.status_code, response.text[:200]))


def describe(status, body):
    """RingCentral's error code and words: errors[0].errorCode (OAU-xxx, CMN-xxx) says what went wrong."""
    first = (body.get('errors') or [{}])[0] if isinstance(body, dict) else {}
    code = first.get('errorCode') or body.get('errorCode') or body.get('error') or 'error'
    message = first.get('message') or body.get('message') or body.get('error_description') or ''
    return 'HTTP %d %s %s' % (status, code, message)


def token_request(form):
    form = dict(form)
    auth = None
    if CLIENT_SECRET:
        auth = (CLIENT_ID, CLIENT_SECRET)  # a confidential app authenticates with HTTP Basic
    else:
        form['client_id'] = CLIENT_ID  # a public (PKCE) app names itself in the body
    response = requests.post(SERVER + '${PATHS.token}', data=form, auth=auth, headers={'Accept': 'application/json'},
                             timeout=TIMEOUT_SECONDS, allow_redirects=False)
    body = read_json(response)
    if response.status_code != 200:
        raise SignInError(describe(response.status_code, body))
    now = int(time.time())
    body['expires_at'] = now + int(body.get('expires_in') or 3600)
    if body.get('refresh_token'):
        body['refresh_token_expires_at'] = now + int(body.get('refresh_token_expires_in') or 604800)
    return body


${PY.tokenFileFunctions({ stopOnBadJson: true, saveParameter: 'tokens', savedTokens: 'tokens' })}


def refresh(tokens):
    """One refresh at a time, across processes: RingCentral rotates refresh tokens, each works once."""
    acquire_lock()
    try:
        latest = load_tokens()
        if latest and latest.get('refresh_token') != tokens.get('refresh_token'):
            return latest  # another run refreshed while this one waited
        if not tokens.get('refresh_token'):
            raise SignInError('No refresh token: turn on "Issue refresh tokens?" in the Developer Console, '
                              'then delete ' + TOKEN_FILE + ' and sign in again.')
        fresh = token_request({'grant_type': 'refresh_token', 'refresh_token': tokens['refresh_token']})
        save_tokens(fresh)  # at once: the refresh token just used is dead
        return fresh
    finally:
        os.remove(LOCK_FILE)


def api_get(path, tokens):
    if tokens.get('expires_at', 0) - time.time() < 60:
        tokens = refresh(tokens)
    for attempt in (1, 2):
        response = requests.get(SERVER + path, timeout=TIMEOUT_SECONDS, allow_redirects=False, headers={
            'Authorization': 'Bearer ' + tokens['access_token'], 'Accept': 'application/json'})
        if response.status_code == 401 and attempt == 1:
            tokens = refresh(tokens)  # expired or revoked early: refresh once, then retry
            continue
        body = read_json(response)
        if response.status_code != 200:
            raise SignInError(describe(response.status_code, body))
        return body, tokens


${signInFunction(settings)}


def main():
    tokens = load_tokens()
    if tokens is None:
        tokens = sign_in()
        save_tokens(tokens)
        print('Signed in; tokens saved to ' + TOKEN_FILE)
    me, tokens = api_get('${PATHS.whoAmI}', tokens)
    print('Signed in as %s (extension %s)' % (me.get('name'), me.get('id')))


if __name__ == '__main__':
    try:
        main()
    except (SignInError, requests.RequestException) as error:
        print('Error: %s' % error, file=sys.stderr)
        sys.exit(1)
`;
  return { language: 'python', fileName: 'ringcentral_sign_in.py', text, warnings: settings.warnings };
}
