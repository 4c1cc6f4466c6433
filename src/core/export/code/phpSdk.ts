// "Generate Sign-In Code" for PHP with the official SDK (composer require ringcentral/ringcentral-php). The SDK
// refreshes an expired token by itself but not after a 401, and keeps tokens in memory only: the program saves them,
// refreshes under a lock (one refresh across processes) and retries once after a 401.
import { ENV, PATHS } from '../profile';
import { CodeSettings, GeneratedCode, headerLines, phpLiteral, prefixLines } from './common';
import { phpParts } from './phpCommon';

const PHP = phpParts('RuntimeException');

function signInFunction(settings: CodeSettings): string {
  if (settings.flow === 'jwt') {
    return `function signIn(Platform $platform): void
{
    $jwt = (string) getenv('${ENV.jwt}');
    if ($jwt === '') {
        throw new RuntimeException('Set ${ENV.jwt} to the JWT credential (Developer Console > Credentials > JWT).');
    }
    $platform->login(['jwt' => $jwt]);
}`;
  }
  return `${PHP.base64Url}

function signIn(Platform $platform): void
{
    $code = (string) getenv('${ENV.authCode}');
    $verifier = (string) getenv('${ENV.codeVerifier}');
    if ($code === '') {
${PHP.startPkce(`$platform->authUrl([
            'redirectUri' => REDIRECT_URI,
            'state' => $state,
            'code_challenge' => $challenge,
            'code_challenge_method' => 'S256',
        ])`)}
${PHP.checkRedirect('trim((string) fgets(STDIN))')}
    } elseif ($verifier === '') {
        throw new RuntimeException('${ENV.authCode} needs the PKCE verifier of the same sign-in in ${ENV.codeVerifier}.');
    }
    // redirectUri must be the same string as in the authorize request.
    $platform->login(['code' => $code, 'redirectUri' => REDIRECT_URI, 'codeVerifier' => $verifier]);
}`;
}

export function generatePhpSdk(settings: CodeSettings): GeneratedCode {
  const header = headerLines(settings, [
    'Run:  composer require ringcentral/ringcentral-php',
    '      php ringcentral-sign-in-sdk.php',
  ]);
  const text = `<?php
${prefixLines(header, '// ')}
declare(strict_types=1);

require __DIR__ . '/vendor/autoload.php';

use RingCentral\\SDK\\Http\\ApiException;
use RingCentral\\SDK\\Platform\\Platform;
use RingCentral\\SDK\\SDK;

${PHP.fileSettings(settings)}

${PHP.loadTokens}

${PHP.saveTokens('Platform $platform', '$platform->auth()->data()')}

/** One refresh at a time, across processes: RingCentral rotates refresh tokens, each works once. */
function refresh(Platform $platform): void
{
    $deadline = time() + 30;
    while (($handle = @fopen(LOCK_FILE, 'x')) === false) {
        clearstatcache();
        $modified = @filemtime(LOCK_FILE);
        if ($modified !== false && time() - $modified > 60) {
            @unlink(LOCK_FILE); // left behind by a run that crashed
        } elseif (time() > $deadline) {
            throw new RuntimeException('Another run has been refreshing for 30 s (' . LOCK_FILE . ').');
        } else {
            usleep(100000);
        }
    }
    fclose($handle);
    try {
        $latest = loadTokens();
        if ($latest !== null && ($latest['refresh_token'] ?? null) !== $platform->auth()->refreshToken()) {
            $platform->auth()->setData($latest); // another run refreshed while this one waited
            return;
        }
        $platform->refresh();
        saveTokens($platform); // at once: the refresh token just used is dead
    } finally {
        @unlink(LOCK_FILE);
    }
}

${signInFunction(settings)}

// Every token request uses HTTP Basic with id:secret (for a public PKCE app the secret part is empty).
$sdk = new SDK(
    getenv('${ENV.clientId}') ?: ${phpLiteral(settings.clientId)},
    (string) getenv('${ENV.clientSecret}'),
    rtrim(getenv('${ENV.server}') ?: ${phpLiteral(settings.server)}, '/'),
    'ringcentral-sign-in',
    '1.0.0'
);
$platform = $sdk->platform();

try {
    $saved = loadTokens();
    if ($saved === null) {
        signIn($platform);
        saveTokens($platform);
        echo 'Signed in; tokens saved to ' . TOKEN_FILE . "\\n";
    } else {
        $platform->auth()->setData($saved);
    }
    if (!$platform->auth()->accessTokenValid()) {
        refresh($platform);
    }
    try {
        $me = $platform->get('${PATHS.whoAmI}')->json();
    } catch (ApiException $error) {
        $response = $error->apiResponse() ? $error->apiResponse()->response() : null;
        if ($response === null || $response->getStatusCode() !== 401) {
            throw $error;
        }
        refresh($platform); // expired or revoked early: refresh once, then retry
        $me = $platform->get('${PATHS.whoAmI}')->json();
    }
    echo 'Signed in as ' . $me->name . ' (extension ' . $me->id . ")\\n";
} catch (Exception $error) {
    // ApiException's message carries RingCentral's words; errors[0].errorCode (OAU-xxx) is in its response body.
    fwrite(STDERR, 'Error: ' . $error->getMessage() . "\\n");
    exit(1);
}
`;
  return { language: 'php', fileName: 'ringcentral-sign-in-sdk.php', text, warnings: settings.warnings };
}
