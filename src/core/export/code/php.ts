// "Generate Sign-In Code" for plain PHP with the curl extension (Debian: php-cli php-curl), no SDK, no Composer.
import { ENV, JWT_GRANT_TYPE, PATHS } from '../profile';
import { CodeSettings, GeneratedCode, headerLines, phpLiteral, prefixLines } from './common';
import { phpParts } from './phpCommon';

const PHP = phpParts('SignInError');

function signInFunction(settings: CodeSettings): string {
  if (settings.flow === 'jwt') {
    return `function signIn(): array
{
    $jwt = (string) getenv('${ENV.jwt}');
    if ($jwt === '') {
        throw new SignInError('Set ${ENV.jwt} to the JWT credential (Developer Console > Credentials > JWT).');
    }
    return tokenRequest(['grant_type' => ${phpLiteral(JWT_GRANT_TYPE)}, 'assertion' => $jwt]);
}`;
  }
  return `${PHP.base64Url}

function signIn(): array
{
    $code = (string) getenv('${ENV.authCode}');
    $verifier = (string) getenv('${ENV.codeVerifier}');
    if ($code !== '') {
        if ($verifier === '') {
            throw new SignInError('${ENV.authCode} needs the PKCE verifier of the same sign-in in ${ENV.codeVerifier}.');
        }
    } else {
${PHP.startPkce(
  `server() . '${PATHS.authorize}?' . $query`,
  `        $query = http_build_query([
            'response_type' => 'code', 'client_id' => CLIENT_ID, 'redirect_uri' => REDIRECT_URI,
            'state' => $state, 'code_challenge' => $challenge, 'code_challenge_method' => 'S256',
        ], '', '&', PHP_QUERY_RFC3986);
`,
)}
        $pasted = trim((string) fgets(STDIN));
        if ($pasted === '') {
            throw new SignInError('No address was pasted. Without a terminal, set ${ENV.authCode} and ${ENV.codeVerifier}.');
        }
${PHP.checkRedirect('$pasted')}
        if ($code === '') {
            throw new SignInError('The pasted address has no code parameter.');
        }
    }
    // redirect_uri must be the same string as in the authorize request.
    return tokenRequest(['grant_type' => 'authorization_code', 'code' => $code,
        'redirect_uri' => REDIRECT_URI, 'code_verifier' => $verifier]);
}`;
}

export function generatePhp(settings: CodeSettings): GeneratedCode {
  const header = headerLines(settings, [
    'Run:  php ringcentral-sign-in.php     (needs the curl extension; Debian/Ubuntu: sudo apt install php-cli php-curl)',
  ]);
  const text = `<?php
${prefixLines(header, '// ')}
declare(strict_types=1);

const CLIENT_ID_DEFAULT = ${phpLiteral(settings.clientId)};
const SERVER_DEFAULT = ${phpLiteral(settings.server)};
define('CLIENT_ID', getenv('${ENV.clientId}') ?: CLIENT_ID_DEFAULT);
define('CLIENT_SECRET', (string) getenv('${ENV.clientSecret}'));
${PHP.fileSettings(settings)}

class SignInError extends RuntimeException
{
}

function server(): string
{
    return rtrim(getenv('${ENV.server}') ?: SERVER_DEFAULT, '/');
}

/** Sends one request; returns [HTTP status, decoded JSON body]. Redirects are not followed (they would carry secrets). */
function send(string $method, string $path, array $headers, ?string $body = null, ?string $basicAuth = null): array
{
    $curl = curl_init(server() . $path);
    curl_setopt_array($curl, [
        CURLOPT_CUSTOMREQUEST => $method,
        CURLOPT_RETURNTRANSFER => true,
        CURLOPT_FOLLOWLOCATION => false,
        CURLOPT_TIMEOUT => 30,
        CURLOPT_HTTPHEADER => array_merge(['Accept: application/json'], $headers),
    ]);
    if ($body !== null) {
        curl_setopt($curl, CURLOPT_POSTFIELDS, $body);
    }
    if ($basicAuth !== null) {
        curl_setopt($curl, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
        curl_setopt($curl, CURLOPT_USERPWD, $basicAuth);
    }
    $text = curl_exec($curl);
    if ($text === false) {
        throw new SignInError('Could not reach ' . server() . ': ' . curl_error($curl));
    }
    $status = (int) curl_getinfo($curl, CURLINFO_RESPONSE_CODE);
    $json = json_decode((string) $text, true);
    if (!is_array($json) && $status !== 401) {
        throw new SignInError('HTTP ' . $status . ' with a body that is not JSON (a proxy or a wrong server URL?): ' . substr((string) $text, 0, 200));
    }
    return [$status, is_array($json) ? $json : []];
}

/** RingCentral's error code and words: errors[0].errorCode (OAU-xxx, CMN-xxx) says what went wrong. */
function describe(int $status, array $body): string
{
    $first = $body['errors'][0] ?? [];
    $code = $first['errorCode'] ?? $body['errorCode'] ?? $body['error'] ?? 'error';
    $message = $first['message'] ?? $body['message'] ?? $body['error_description'] ?? '';
    return 'HTTP ' . $status . ' ' . $code . ' ' . $message;
}

function tokenRequest(array $form): array
{
    $basicAuth = null;
    if (CLIENT_SECRET !== '') {
        $basicAuth = CLIENT_ID . ':' . CLIENT_SECRET; // a confidential app authenticates with HTTP Basic
    } else {
        $form['client_id'] = CLIENT_ID; // a public (PKCE) app names itself in the body
    }
    [$status, $body] = send('POST', '${PATHS.token}', ['Content-Type: application/x-www-form-urlencoded'],
        http_build_query($form, '', '&'), $basicAuth);
    if ($status !== 200) {
        throw new SignInError(describe($status, $body));
    }
    $body['expires_at'] = time() + (int) ($body['expires_in'] ?? 3600);
    if (!empty($body['refresh_token'])) {
        $body['refresh_token_expires_at'] = time() + (int) ($body['refresh_token_expires_in'] ?? 604800);
    }
    return $body;
}

${PHP.loadTokens}

${PHP.saveTokens('array $tokens', '$tokens')}

function acquireLock(): void
{
    $deadline = time() + 30;
    while (true) {
        $handle = @fopen(LOCK_FILE, 'x');
        if ($handle !== false) {
            fclose($handle);
            return;
        }
        clearstatcache();
        $modified = @filemtime(LOCK_FILE);
        if ($modified !== false && time() - $modified > 60) {
            @unlink(LOCK_FILE); // left behind by a run that crashed
            continue;
        }
        if (time() > $deadline) {
            throw new SignInError('Another run has been refreshing for 30 s (' . LOCK_FILE . ').');
        }
        usleep(100000);
    }
}

/** One refresh at a time, across processes: RingCentral rotates refresh tokens, each works once. */
function refresh(array $tokens): array
{
    acquireLock();
    try {
        $latest = loadTokens();
        if ($latest !== null && ($latest['refresh_token'] ?? null) !== ($tokens['refresh_token'] ?? null)) {
            return $latest; // another run refreshed while this one waited
        }
        if (empty($tokens['refresh_token'])) {
            throw new SignInError('No refresh token: turn on "Issue refresh tokens?" in the Developer Console, then delete '
                . TOKEN_FILE . ' and sign in again.');
        }
        $fresh = tokenRequest(['grant_type' => 'refresh_token', 'refresh_token' => $tokens['refresh_token']]);
        saveTokens($fresh); // at once: the refresh token just used is dead
        return $fresh;
    } finally {
        @unlink(LOCK_FILE);
    }
}

/** GET an API path; returns [body, tokens] (the tokens may have been refreshed on the way). */
function apiGet(string $path, array $tokens): array
{
    if (($tokens['expires_at'] ?? 0) - time() < 60) {
        $tokens = refresh($tokens);
    }
    foreach ([1, 2] as $attempt) {
        [$status, $body] = send('GET', $path, ['Authorization: Bearer ' . $tokens['access_token']]);
        if ($status === 401 && $attempt === 1) {
            $tokens = refresh($tokens); // expired or revoked early: refresh once, then retry
            continue;
        }
        if ($status !== 200) {
            throw new SignInError(describe($status, $body));
        }
        return [$body, $tokens];
    }
    throw new SignInError('unreachable');
}

${signInFunction(settings)}

try {
    $tokens = loadTokens();
    if ($tokens === null) {
        $tokens = signIn();
        saveTokens($tokens);
        echo 'Signed in; tokens saved to ' . TOKEN_FILE . "\\n";
    }
    [$me, $tokens] = apiGet('${PATHS.whoAmI}', $tokens);
    echo 'Signed in as ' . $me['name'] . ' (extension ' . $me['id'] . ")\\n";
} catch (SignInError $error) {
    fwrite(STDERR, 'Error: ' . $error->getMessage() . "\\n");
    exit(1);
}
`;
  return { language: 'php', fileName: 'ringcentral-sign-in.php', text, warnings: settings.warnings };
}
