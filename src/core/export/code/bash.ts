// "Generate Sign-In Code" as a bash script over curl and openssl (no jq). Secrets reach curl through its config on
// standard input, never on its command line (where any local user could read them in the process list).
// In this template literal, \${ is bash's ${ and \\ is one backslash.
import { ENV, JWT_GRANT_TYPE, PATHS } from '../profile';
import { bashLiteral, CodeSettings, GeneratedCode, headerLines, prefixLines } from './common';

function signInFunction(settings: CodeSettings): string {
  if (settings.flow === 'jwt') {
    return `sign_in() {
  [ -n "\${${ENV.jwt}:-}" ] || fail 'Set ${ENV.jwt} to the JWT credential (Developer Console > Credentials > JWT).'
  token_request grant_type ${bashLiteral(JWT_GRANT_TYPE)} assertion "$${ENV.jwt}"
}`;
  }
  return `base64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

sign_in() {
  local code="\${${ENV.authCode}:-}" verifier="\${${ENV.codeVerifier}:-}"
  if [ -n "$code" ]; then
    [ -n "$verifier" ] || fail '${ENV.authCode} needs the PKCE verifier of the same sign-in in ${ENV.codeVerifier}.'
  else
    # PKCE (S256) and a fresh state for this sign-in only.
    verifier=$(openssl rand 32 | base64url)
    local challenge state pasted query
    challenge=$(printf '%s' "$verifier" | openssl dgst -sha256 -binary | base64url)
    state=$(openssl rand 16 | base64url)
    echo '1. Open this address in a browser and sign in:'
    echo "$SERVER${PATHS.authorize}?response_type=code&client_id=$(urlencode "$CLIENT_ID")&redirect_uri=$(urlencode "$REDIRECT_URI")&state=$state&code_challenge=$challenge&code_challenge_method=S256"
    echo "2. Paste the address the browser was sent to (it starts with $REDIRECT_URI):"
    IFS= read -r pasted || true
    [ -n "$pasted" ] || fail 'No address was pasted. Without a terminal, set ${ENV.authCode} and ${ENV.codeVerifier}.'
    query=\${pasted#*\\?}
    query=\${query%%#*}
    [ "$query" != "$pasted" ] || query=\${pasted#*#}
    if [ -n "$(query_param error "$query")" ]; then
      fail "RingCentral did not sign you in: $(query_param error "$query") $(query_param error_description "$query")"
    fi
    [ "$(query_param state "$query")" = "$state" ] ||
      fail 'The pasted address does not carry the state this sign-in sent: it belongs to another sign-in (or was altered). Nothing was exchanged; run the script again.'
    code=$(query_param code "$query")
    [ -n "$code" ] || fail 'The pasted address has no code parameter.'
  fi
  # redirect_uri must be the same string as in the authorize request.
  token_request grant_type authorization_code code "$code" redirect_uri "$REDIRECT_URI" code_verifier "$verifier"
}`;
}

export function generateBash(settings: CodeSettings): GeneratedCode {
  const header = headerLines(settings, ['Run:  bash ringcentral-sign-in.sh      (needs curl and openssl)']);
  const text = `#!/usr/bin/env bash
${prefixLines(header, '# ')}
set -euo pipefail
umask 077

SERVER_DEFAULT=${bashLiteral(settings.server)}
CLIENT_ID_DEFAULT=${bashLiteral(settings.clientId)}
SERVER="\${${ENV.server}:-$SERVER_DEFAULT}"
SERVER="\${SERVER%/}"
CLIENT_ID="\${${ENV.clientId}:-$CLIENT_ID_DEFAULT}"
CLIENT_SECRET="\${${ENV.clientSecret}:-}"
REDIRECT_URI=${bashLiteral(settings.redirectUri)}
TOKEN_FILE="\${${ENV.tokenFile}:-ringcentral-tokens.json}"
LOCK_DIR="$TOKEN_FILE.lock"

fail() { echo "Error: $*" >&2; exit 1; }
for tool in curl openssl; do command -v "$tool" >/dev/null || fail "$tool is needed (Debian/Ubuntu: sudo apt install $tool)."; done

# One curl config value: inside "…" only \\ and " need a backslash.
config_value() { local v=\${1//\\\\/\\\\\\\\}; printf '"%s"' "\${v//\\"/\\\\\\"}"; }

urlencode() {
  local LC_ALL=C text=$1 out='' char i
  for ((i = 0; i < \${#text}; i++)); do
    char=\${text:i:1}
    case $char in
      [A-Za-z0-9._~-]) out+=$char ;;
      *) printf -v char '%%%02X' "'$char"; out+=$char ;;
    esac
  done
  printf '%s' "$out"
}

urldecode() { local text=\${1//+/ }; printf '%b' "\${text//\\%/\\\\x}"; }

# The value of one parameter of a query string, decoded.
query_param() {
  local pair
  local -a pairs
  IFS='&' read -r -a pairs <<<"$2"
  for pair in "\${pairs[@]}"; do
    if [ "\${pair%%=*}" = "$1" ]; then urldecode "\${pair#*=}"; return; fi
  done
}

# A string or number field of a flat JSON object (RingCentral's token values need no JSON escapes).
json_field() {
  printf '%s' "$2" | grep -oE "\\"$1\\"[[:space:]]*:[[:space:]]*(\\"[^\\"]*\\"|[0-9]+)" | head -n 1 |
    sed -e 's/^[^:]*:[[:space:]]*//' -e 's/^"//' -e 's/"$//' || true
}

# Sends a request; curl reads its options from standard input, so no secret is on a command line.
# Sets STATUS and BODY. Redirects are not followed (they would carry secrets).
http() {
  local config=$1 path=$2 response
  response=$(printf '%s\\n' "$config" | curl -sS --max-time 30 --config - -w '\\n%{http_code}' "$SERVER$path") ||
    fail "Could not reach $SERVER"
  STATUS=\${response##*$'\\n'}
  BODY=\${response%$'\\n'*}
}

# RingCentral's error code and words: errors[0].errorCode (OAU-xxx, CMN-xxx) says what went wrong.
describe() {
  echo "HTTP $STATUS $(json_field errorCode "$BODY")$(json_field error "$BODY") $(json_field message "$BODY")"
}

# token_request name value [name value …]: POST to the token endpoint; the answer is saved with its expiry times.
token_request() {
  local config='header = "Accept: application/json"'
  if [ -n "$CLIENT_SECRET" ]; then
    config+=$'\\n'"user = $(config_value "$CLIENT_ID:$CLIENT_SECRET")" # a confidential app authenticates with HTTP Basic
  else
    config+=$'\\n'"data-urlencode = $(config_value "client_id=$CLIENT_ID")" # a public (PKCE) app names itself in the body
  fi
  while [ $# -gt 0 ]; do
    config+=$'\\n'"data-urlencode = $(config_value "$1=$2")"
    shift 2
  done
  http "$config" '${PATHS.token}'
  [ "$STATUS" = 200 ] || fail "$(describe)"
  local now access refresh expires_in refresh_expires_in
  now=$(date +%s)
  access=$(json_field access_token "$BODY")
  refresh=$(json_field refresh_token "$BODY")
  expires_in=$(json_field expires_in "$BODY")
  refresh_expires_in=$(json_field refresh_token_expires_in "$BODY")
  [ -n "$access" ] || fail "The token answer has no access_token: $BODY"
  save_tokens "$access" "$refresh" $((now + \${expires_in:-3600})) $((now + \${refresh_expires_in:-604800}))
}

# Written whole, then renamed: a crash never leaves half a file. Readable by you only (umask 077).
save_tokens() {
  printf '{"access_token":"%s","refresh_token":"%s","expires_at":%s,"refresh_token_expires_at":%s}\\n' \\
    "$1" "$2" "$3" "$4" >"$TOKEN_FILE.tmp"
  mv -f "$TOKEN_FILE.tmp" "$TOKEN_FILE"
}

acquire_lock() {
  local waited=0
  until mkdir "$LOCK_DIR" 2>/dev/null; do
    if [ -n "$(find "$LOCK_DIR" -maxdepth 0 -mmin +1 2>/dev/null)" ]; then
      rmdir "$LOCK_DIR" 2>/dev/null || true # left behind by a run that crashed
      continue
    fi
    waited=$((waited + 1))
    [ "$waited" -lt 300 ] || fail "Another run has been refreshing for 30 s ($LOCK_DIR)."
    sleep 0.1
  done
  trap 'rmdir "$LOCK_DIR" 2>/dev/null || true' EXIT
}

# One refresh at a time, across processes: RingCentral rotates refresh tokens, each works once.
refresh() {
  local used
  used=$(json_field refresh_token "$(cat "$TOKEN_FILE")")
  acquire_lock
  if [ "$(json_field refresh_token "$(cat "$TOKEN_FILE")")" = "$used" ]; then
    [ -n "$used" ] || fail "No refresh token: turn on \\"Issue refresh tokens?\\" in the Developer Console, then delete $TOKEN_FILE and sign in again."
    token_request grant_type refresh_token refresh_token "$used" # saved at once: the token just used is dead
  fi # else another run refreshed while this one waited
  rmdir "$LOCK_DIR"
  trap - EXIT
}

# api_get PATH: GET with the saved access token; refreshes before it expires, and once on a 401.
api_get() {
  local tokens attempt
  tokens=$(cat "$TOKEN_FILE")
  if [ $(($(json_field expires_at "$tokens") - $(date +%s))) -lt 60 ]; then refresh; fi
  for attempt in 1 2; do
    http "header = \\"Accept: application/json\\"
header = $(config_value "Authorization: Bearer $(json_field access_token "$(cat "$TOKEN_FILE")")")" "$1"
    if [ "$STATUS" = 401 ] && [ "$attempt" = 1 ]; then
      refresh # expired or revoked early: refresh once, then retry
      continue
    fi
    [ "$STATUS" = 200 ] || fail "$(describe)"
    return
  done
}

${signInFunction(settings)}

if [ ! -f "$TOKEN_FILE" ]; then
  sign_in
  echo "Signed in; tokens saved to $TOKEN_FILE"
fi
api_get '${PATHS.whoAmI}'
echo "Signed in as $(json_field name "$BODY") (extension $(json_field id "$BODY"))"
`;
  return { language: 'shellscript', fileName: 'ringcentral-sign-in.sh', text, warnings: settings.warnings };
}
