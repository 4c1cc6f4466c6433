// PHP text both sign-in programs share (plain curl and the official SDK): the token file kept private, and PKCE with
// the pasted redirect and its state check. `errorClass` is what the program throws: SignInError (plain, which main
// catches) or RuntimeException (SDK).
import { ENV } from '../profile';
import { CodeSettings, phpLiteral } from './common';

export type PhpErrorClass = 'SignInError' | 'RuntimeException';

function phpFileSettings(settings: CodeSettings): string {
  return `const REDIRECT_URI = ${phpLiteral(settings.redirectUri)};
define('TOKEN_FILE', getenv('${ENV.tokenFile}') ?: 'ringcentral-tokens.json');
define('LOCK_FILE', TOKEN_FILE . '.lock');`;
}

function phpLoadTokens(errorClass: PhpErrorClass): string {
  return `function loadTokens(): ?array
{
    if (!file_exists(TOKEN_FILE)) {
        return null;
    }
    $tokens = json_decode((string) file_get_contents(TOKEN_FILE), true);
    if (!is_array($tokens)) {
        throw new ${errorClass}(TOKEN_FILE . ' is not valid JSON: delete it and sign in again.');
    }
    return $tokens;
}`;
}

/** `parameter` is the function's typed parameter, `tokensExpression` what it writes as JSON. */
function phpSaveTokens(parameter: string, tokensExpression: string): string {
  return `/** Written whole, then renamed: a crash never leaves half a file. Readable by you only. */
function saveTokens(${parameter}): void
{
    $temporary = TOKEN_FILE . '.tmp';
    $old = umask(0077);
    try {
        file_put_contents($temporary, json_encode(${tokensExpression}));
    } finally {
        umask($old);
    }
    rename($temporary, TOKEN_FILE);
}`;
}

const PHP_BASE64URL = `function base64Url(string $bytes): string
{
    return rtrim(strtr(base64_encode($bytes), '+/', '-_'), '=');
}`;

/**
 * Inside signIn (8 spaces): a fresh PKCE pair and state, the authorize URL printed (`setup` lines may build it
 * first), and the ask to paste where the browser landed.
 */
function phpStartPkce(authorizeUrl: string, setup = ''): string {
  return `        // PKCE (S256) and a fresh state for this sign-in only.
        $verifier = base64Url(random_bytes(32));
        $challenge = base64Url(hash('sha256', $verifier, true));
        $state = base64Url(random_bytes(16));
${setup}        echo "1. Open this address in a browser and sign in:\\n";
        echo ${authorizeUrl} . "\\n";
        echo '2. Paste the address the browser was sent to (it starts with ' . REDIRECT_URI . "):\\n";`;
}

/** Inside signIn (8 spaces): reads the pasted redirect; an error or another state stops before any exchange. */
function phpCheckRedirect(pasted: string, errorClass: PhpErrorClass): string {
  return `        $parts = parse_url(${pasted});
        parse_str($parts['query'] ?? ($parts['fragment'] ?? ''), $params);
        if (!empty($params['error'])) {
            throw new ${errorClass}('RingCentral did not sign you in: ' . $params['error'] . ' ' . ($params['error_description'] ?? ''));
        }
        if (!is_string($params['state'] ?? null) || !hash_equals($state, $params['state'])) {
            throw new ${errorClass}('The pasted address does not carry the state this sign-in sent: it belongs to '
                . 'another sign-in (or was altered). Nothing was exchanged; run the program again.');
        }
        $code = is_string($params['code'] ?? null) ? $params['code'] : '';`;
}

/** The shared parts, bound to the class the program throws. */
export function phpParts(errorClass: PhpErrorClass) {
  return {
    base64Url: PHP_BASE64URL,
    fileSettings: phpFileSettings,
    loadTokens: phpLoadTokens(errorClass),
    saveTokens: phpSaveTokens,
    startPkce: phpStartPkce,
    checkRedirect: (pasted: string) => phpCheckRedirect(pasted, errorClass),
  };
}
