// Inputs for the knowledge-base, permission and redirect benchmarks: realistic, not synthetic worst cases. Error
// bodies are shaped like RingCentral's (OAuth endpoints: error + error_description + errors[]; REST: errorCode +
// errors[] + permissionName) and go through parseErrorBody as the client's responses do.

const SERVER = 'https://platform.ringcentral.com';
const VSCODE_REDIRECT = 'vscode://rcdevtools.ringcentral-oauth/callback';
const LOOPBACK_REDIRECT = 'http://127.0.0.1:53134/callback';

const OAU_113_BODY = JSON.stringify({
  error: 'invalid_client',
  errors: [{ errorCode: 'OAU-113', message: 'No redirect uri is registered for the client' }],
  error_description: 'No redirect uri is registered for the client',
});

function cmn401Body(permission) {
  const message = `In order to call this API endpoint, application needs to have [${permission}] permission`;
  return JSON.stringify({
    errorCode: 'InsufficientPermissions',
    message,
    errors: [{ errorCode: 'CMN-401', message, permissionName: permission }],
    permissionName: permission,
  });
}

const CMN_301_BODY = JSON.stringify({
  errorCode: 'CMN-301',
  message: 'Request rate exceeded',
  errors: [{ errorCode: 'CMN-301', message: 'Request rate exceeded' }],
});

const NGINX_502 = `<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
const MAINTENANCE_503 = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Service Unavailable</title><style>body{font-family:sans-serif;margin:4em}</style></head><body><h1>We'll be right back</h1><p>RingCentral is performing scheduled maintenance. Please try again later.</p></body></html>`;
const PROXY_403 = `<!DOCTYPE html><html><head><title>Access Denied</title><script>var cfg={policy:"web-filter"};</script></head><body><div class="banner"><h1>Website blocked</h1><p>Access to platform.ringcentral.com is blocked by your organization's Internet usage policy (category: Uncategorized).</p><p>Transaction ID: 8a1f-42c9</p></div></body></html>`;
const GATEWAY_504 = `<!DOCTYPE html>\n<html><head><title>504 Gateway Time-out</title></head><body><h1>Gateway Time-out</h1><p>The proxy server did not receive a timely response from the upstream server.</p></body></html>`;

/** Context the extension passes: phase, server, redirect mode and the exact redirect URI it sent. */
function context(phase, redirectMode = 'uriHandler', extra = {}) {
  const redirectUri = redirectMode === 'loopback' ? LOOPBACK_REDIRECT : VSCODE_REDIRECT;
  return {
    phase,
    server: SERVER,
    clientId: 'aBcD3fGh1jKlMn0pQrStUv',
    redirectMode,
    redirectUri,
    uriScheme: 'vscode',
    hasClientSecret: false,
    ...extra,
  };
}

/** 20 failures, four of each kind, each with the context it would arrive with. */
export function failureMix(parseErrorBody) {
  const api = (body, status, retryAfter) => ({
    kind: 'api',
    info: { ...parseErrorBody(JSON.parse(body), status, retryAfter), rawBody: body },
  });
  // The message as transport.ts words it for Node's global fetch (undici puts the errno in `cause`).
  const refused = (url) => {
    const { origin, pathname, host } = new URL(url);
    return {
      kind: 'transport',
      code: 'ECONNREFUSED',
      message: `POST ${origin}${pathname} failed: fetch failed (connect ECONNREFUSED ${host})`,
      url,
    };
  };
  const html = (status, body, contentType = 'text/html') => ({ kind: 'http', status, contentType, body });
  const cases = [
    // OAU-113: the app has no redirect URI at all (pre-flight, the browser page, a pasted body).
    [api(OAU_113_BODY, 400), context('preflight')],
    [api(OAU_113_BODY, 400), context('preflight', 'loopback')],
    [api(OAU_113_BODY, 400), context('authorize', 'paste')],
    [api(OAU_113_BODY, 400), {}],
    // CMN-401: the app lacks a permission (who-am-I, REST calls), with and without context.
    [api(cmn401Body('ReadAccounts'), 403), context('api')],
    [api(cmn401Body('ReadContacts'), 403), context('api')],
    [api(cmn401Body('ReadCallLog'), 403), context('api', 'loopback')],
    [api(cmn401Body('SMS'), 403), {}],
    // CMN-301: rate limited on the Auth group, with Retry-After.
    [api(CMN_301_BODY, 429, 37), context('token')],
    [api(CMN_301_BODY, 429, 60), context('refresh')],
    [api(CMN_301_BODY, 429, 12), context('api')],
    [api(CMN_301_BODY, 429), {}],
    // ECONNREFUSED: a local emulator that is not running, and a remote server blocked on the way.
    [
      refused('http://127.0.0.1:8787/restapi/oauth/token'),
      context('token', 'loopback', { server: 'http://127.0.0.1:8787' }),
    ],
    [
      refused('http://localhost:8787/restapi/oauth/authorize'),
      context('preflight', 'uriHandler', { server: 'http://localhost:8787' }),
    ],
    [refused(`${SERVER}/restapi/oauth/token`), context('refresh')],
    [refused(`${SERVER}/restapi/oauth/token`), {}],
    // HTML instead of JSON: gateway, maintenance and corporate-proxy pages.
    [html(502, NGINX_502), context('token')],
    [html(503, MAINTENANCE_503, 'text/html; charset=utf-8'), context('refresh')],
    [html(403, PROXY_403, 'text/html; charset=UTF-8'), context('preflight')],
    [html(504, GATEWAY_504), context('api')],
  ];
  return cases.map(([failure, ctx]) => ({ failure, context: ctx }));
}

/**
 * What `curl -v -X POST https://platform.ringcentral.com/restapi/oauth/token -d ...` prints for an app without a
 * redirect URI: connection and TLS chatter, request headers, response headers, the JSON body. About 5 KB.
 */
export function curlTranscript() {
  const requestId = '3b1a9c7e-5f2d-11ef-8a6b-0050568c4f2e';
  const lines = [
    'Note: Unnecessary use of -X or --request, POST is already inferred.',
    '* Host platform.ringcentral.com:443 was resolved.',
    '* IPv6: (none)',
    '* IPv4: 199.255.120.133, 104.245.57.133',
    '*   Trying 199.255.120.133:443...',
    '* Connected to platform.ringcentral.com (199.255.120.133) port 443',
    '* ALPN: curl offers h2,http/1.1',
    '* TLSv1.3 (OUT), TLS handshake, Client hello (1):',
    '*  CAfile: /etc/ssl/certs/ca-certificates.crt',
    '*  CApath: /etc/ssl/certs',
    '* TLSv1.3 (IN), TLS handshake, Server hello (2):',
    '* TLSv1.3 (IN), TLS handshake, Encrypted Extensions (8):',
    '* TLSv1.3 (IN), TLS handshake, Certificate (11):',
    '* TLSv1.3 (IN), TLS handshake, CERT verify (15):',
    '* TLSv1.3 (IN), TLS handshake, Finished (20):',
    '* TLSv1.3 (OUT), TLS change cipher, Change cipher spec (1):',
    '* TLSv1.3 (OUT), TLS handshake, Finished (20):',
    '* SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384 / X25519 / RSASSA-PSS',
    '* ALPN: server accepted http/1.1',
    '* Server certificate:',
    '*  subject: C=US; ST=California; L=Belmont; O=RingCentral, Inc.; CN=*.ringcentral.com',
    '*  start date: Feb 12 00:00:00 2025 GMT',
    '*  expire date: Mar 14 23:59:59 2026 GMT',
    '*  subjectAltName: host "platform.ringcentral.com" matched cert\'s "*.ringcentral.com"',
    '*  issuer: C=US; O=DigiCert Inc; CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1',
    '*  SSL certificate verify ok.',
    '*   Certificate level 0: Public key type RSA (2048/112 Bits/secBits), signed using sha256WithRSAEncryption',
    '*   Certificate level 1: Public key type RSA (2048/112 Bits/secBits), signed using sha256WithRSAEncryption',
    '*   Certificate level 2: Public key type RSA (2048/112 Bits/secBits), signed using sha256WithRSAEncryption',
    '* using HTTP/1.x',
    '> POST /restapi/oauth/token HTTP/1.1',
    '> Host: platform.ringcentral.com',
    '> User-Agent: curl/8.5.0',
    '> Accept: application/json',
    '> Authorization: Basic YUJjRDNmR2gxaktsTW4wcFFyU3RVdjpzM2NyM3Qtbm90LXJlYWxseS1hLXNlY3JldC12YWx1ZQ==',
    '> Content-Type: application/x-www-form-urlencoded',
    '> Content-Length: 412',
    '>',
    '* TLSv1.3 (IN), TLS handshake, Newsession Ticket (4):',
    '* TLSv1.3 (IN), TLS handshake, Newsession Ticket (4):',
    '* old SSL session ID is stale, removing',
    '* upload completely sent off: 412 bytes',
    '< HTTP/1.1 400 Bad Request',
    '< Server: nginx',
    '< Date: Wed, 15 Jan 2025 12:00:00 GMT',
    '< Content-Type: application/json;charset=utf-8',
    `< Content-Length: ${OAU_113_BODY.length}`,
    '< Connection: keep-alive',
    `< RCRequestId: ${requestId}`,
    '< RoutingKey: SJC12P01',
    '< X-Rate-Limit-Group: auth',
    '< X-Rate-Limit-Limit: 5',
    '< X-Rate-Limit-Remaining: 4',
    '< X-Rate-Limit-Window: 60',
    '< Content-Language: en-US',
    '< Vary: Accept-Encoding, User-Agent',
    '< Cache-Control: no-cache, no-store, must-revalidate',
    '< Pragma: no-cache',
    '< Expires: 0',
    '< X-Content-Type-Options: nosniff',
    '< X-XSS-Protection: 1; mode=block',
    '< X-Frame-Options: SAMEORIGIN',
    '< Referrer-Policy: strict-origin-when-cross-origin',
    '< Strict-Transport-Security: max-age=31536000; includeSubDomains; preload',
    "< Content-Security-Policy: default-src 'self'; script-src 'self' 'unsafe-inline' https://*.ringcentral.com https://*.ringcentral.biz https://www.google.com/recaptcha/ https://www.gstatic.com/recaptcha/; style-src 'self' 'unsafe-inline' https://*.ringcentral.com; img-src 'self' data: https://*.ringcentral.com https://*.ringcentral.biz; font-src 'self' data: https://*.ringcentral.com; connect-src 'self' https://*.ringcentral.com https://*.ringcentral.biz wss://*.ringcentral.com; frame-src 'self' https://*.ringcentral.com https://www.google.com/recaptcha/; frame-ancestors 'self'; form-action 'self' https://*.ringcentral.com",
    '< Permissions-Policy: camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    `< Set-Cookie: RCRoutingInfo=SJC12P01; Path=/; Domain=.ringcentral.com; Secure; HttpOnly; SameSite=None`,
    `< Set-Cookie: __cf_bm=Yx7Qm3pK1bV9sLwR2tF8nH4cJ6dG0aZ5eU1iO7yT3qWvX9mN2bC8lK4jH6gF0dS1aP5oI3uY7tR9eW2qZ-1736942400-1.0.1.1-Xc7Vb2Nm4Lk6Jh8Gf0Ds2Ap4Oi6Uy8Tr0Ew2Qz4Xc6Vb8Nm0Lk2Jh4Gf6Ds8Ap0Oi2Uy4Tr6Ew8Qz0Xc2Vb4Nm6Lk8Jh0Gf2Ds4Ap6Oi8Uy0Tr2Ew4Qz; path=/; expires=Wed, 15-Jan-25 12:30:00 GMT; domain=.ringcentral.com; HttpOnly; Secure; SameSite=None`,
    '< X-Envoy-Upstream-Service-Time: 18',
    '< Server-Timing: cdn-cache; desc=MISS, edge; dur=4, origin; dur=21',
    '<',
    OAU_113_BODY,
    '* Connection #0 to host platform.ringcentral.com left intact',
  ];
  let text = lines.join('\n');
  // Real transcripts often carry a few repeated TLS/session lines (HTTP/2 settings, tickets); pad with those, before
  // the request, to about 5 KB so the parser's line filtering and body search do real work.
  const filler = '* TLSv1.3 (IN), TLS handshake, Newsession Ticket (4):\n';
  const insertAt = text.indexOf('> POST');
  while (Buffer.byteLength(text) + filler.length <= 5 * 1024)
    text = text.slice(0, insertAt) + filler + text.slice(insertAt);
  return text;
}

/** checkRedirectUri: the editor sends the VS Code URI-handler redirect; ten near misses are registered. */
export const REDIRECT_SENT = VSCODE_REDIRECT;
export const REGISTERED_NEAR_MISSES = [
  'vscode-insiders://rcdevtools.ringcentral-oauth/callback',
  'vscode://rcdevtools.ringcentral-oauth/callback/',
  'vscode://rcdevtools.ringcentral-oauth/Callback',
  'cursor://rcdevtools.ringcentral-oauth/callback',
  'http://127.0.0.1:53134/callback',
  'http://localhost:53134/callback',
  'https://127.0.0.1:53134/callback',
  'http://127.0.0.1:5000/oauth2callback',
  'https://example.com/oauth/callback?source=vscode',
  'https://*.example.com/callback',
];

/**
 * Lookups as users write them, built from the permission table itself so they track it: every 7th operation, its
 * {params} filled with '~' or ids, as a bare path, a full URL with a query, with a trailing slash, or in lower-case
 * method; plus one lookup in ten that matches nothing (unknown path, wrong method).
 */
export function permissionLookups(table) {
  const lookups = [];
  const fill = (template, n) =>
    template.replace(/\{([^}]+)\}/g, (_m, name) =>
      /^(accountId|extensionId)$/.test(name) && n % 2 === 0 ? '~' : String(400000000 + n * 7919),
    );
  for (let i = 0; i < table.length; i += 7) {
    const [method, template] = table[i];
    const path = fill(template, i);
    switch (i % 4) {
      case 0:
        lookups.push([method, path]);
        break;
      case 1:
        lookups.push([method, `https://platform.ringcentral.com${path}?perPage=100&page=2`]);
        break;
      case 2:
        lookups.push([method, `${path}/`]);
        break;
      default:
        lookups.push([method.toLowerCase(), `platform.ringcentral.com${path}`]);
    }
    if (lookups.length % 10 === 9) {
      lookups.push(i % 2 ? ['PATCH', path] : ['GET', `/restapi/v1.0/account/~/no-such-resource/${i}`]);
    }
  }
  return lookups;
}
