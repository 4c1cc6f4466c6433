// One example per failure class of issue 9, for the unit test (parse + diagnose) and the extension-host
// test (the ringcentral.explainError command called from code). SYNTHETIC: these are written for the
// classes, shaped like the real pastes in realPastes.ts; they are not counted as real pastes.
export interface ClassExample {
  /** "1 code from message", "2 wrong meaning", … as in the issue. */
  klass: string;
  name: string;
  text: string;
  expected: { code: string | null; id: string; permission?: string };
}

const body = (value: unknown): string => JSON.stringify(value, null, 2);

export const FAILURE_CLASS_EXAMPLES: ClassExample[] = [
  // 1. The code is worked out from the message.
  {
    klass: '1 code from message',
    name: 'OAU-251 message only',
    text: 'Error: Unauthorized for this grant type',
    expected: { code: 'OAU-251', id: 'grant-type-not-enabled' },
  },
  {
    klass: '1 code from message',
    name: 'OAU-112 [IMPLICIT] on a callback (query)',
    text: 'https://example.com/oauth/callback?error=unauthorized_client&error_description=The+client+is+unauthorized+for+the+required+grant+type%3A+%5BIMPLICIT%5D&state=x',
    expected: { code: 'OAU-112', id: 'grant-type-not-enabled' },
  },
  {
    klass: '1 code from message',
    name: 'OAU-101 brandId',
    text: 'invalid_request: Parameter [brandId] is invalid',
    expected: { code: 'OAU-101', id: 'invalid-parameter' },
  },
  {
    klass: '1 code from message',
    name: 'CMN-408 user-role wording',
    text: 'Error: In order to call this API endpoint, user needs to have [ReadCompanyCallLog] permission for requested resource.',
    expected: { code: 'CMN-408', id: 'user-role-lacks-permission', permission: 'ReadCompanyCallLog' },
  },
  {
    klass: '1 code from message',
    name: 'PHP log line with only the OAU-113 message',
    text: '[2025-03-04 10:22:31] production.ERROR: No redirect uri is registered for the client {"exception":"[object] (RingCentral\\\\SDK\\\\Http\\\\ApiException(code: 0): No redirect uri is registered for the client at /var/www/vendor/ringcentral/ringcentral-php/src/Http/Client.php:54)"}',
    expected: { code: 'OAU-113', id: 'redirect-uri-not-registered' },
  },

  // 2. Wrong meanings.
  {
    klass: '2 wrong meaning',
    name: 'OAU-123 on a REST call = no Bearer header',
    text: `GET https://platform.ringcentral.com/restapi/v1.0/account/~/extension/~ 401\n${body({ errorCode: 'OAU-123', message: 'Authorization header is not specified', errors: [{ errorCode: 'OAU-123', message: 'Authorization header is not specified' }] })}`,
    expected: { code: 'OAU-123', id: 'bearer-header-missing' },
  },
  {
    klass: '2 wrong meaning',
    name: 'OAU-123 on the token endpoint = client authentication',
    text: `POST https://platform.ringcentral.com/restapi/oauth/token 401\n${body({ error: 'invalid_client', error_description: 'Client authentication is required', errors: [{ errorCode: 'OAU-123', message: 'Client authentication is required' }] })}`,
    expected: { code: 'OAU-123', id: 'client-authentication-required' },
  },
  {
    klass: '2 wrong meaning',
    name: 'OAU-213 inside TokenInvalid = the access token is gone',
    text: `HTTP/1.1 401 Unauthorized\nContent-Type: application/json\n\n${body({ errorCode: 'TokenInvalid', message: 'Token not found', errors: [{ errorCode: 'OAU-213', message: 'Token not found' }] })}`,
    expected: { code: 'OAU-213', id: 'access-token-not-found' },
  },
  {
    klass: '2 wrong meaning',
    name: 'OAU-213 on the token endpoint = the refresh token is gone',
    text: body({
      error: 'invalid_grant',
      error_description: 'Token not found',
      errors: [{ errorCode: 'OAU-213', message: 'Token not found' }],
    }),
    expected: { code: 'OAU-213', id: 'refresh-token-not-found' },
  },
  {
    klass: '2 wrong meaning',
    name: "CMN-408's real wording is not CMN-401",
    text: '"message" : "In order to call this API endpoint, user needs to have [EditExtensions] permission for requested resource."',
    expected: { code: 'CMN-408', id: 'user-role-lacks-permission', permission: 'EditExtensions' },
  },
  {
    klass: '2 wrong meaning',
    name: 'InsufficientPermissions with "[X] permission required" = user role',
    text: body({
      errorCode: 'InsufficientPermissions',
      message: '[ReadCompanyCallLog] permission required',
      permissionName: 'ReadCompanyCallLog',
    }),
    expected: { code: 'CMN-408', id: 'user-role-lacks-permission', permission: 'ReadCompanyCallLog' },
  },
  {
    klass: '2 wrong meaning',
    name: 'OAU-347 = JWT signing algorithm',
    text: body({
      error: 'invalid_grant',
      errors: [
        {
          errorCode: 'OAU-347',
          message: 'An algorithm which is used for assertion signing is not supported for JWT Bearer grant type',
        },
      ],
    }),
    expected: { code: 'OAU-347', id: 'jwt-signing-algorithm-unsupported' },
  },
  {
    klass: '2 wrong meaning',
    name: 'OAU-164 = revocation with an invalid client',
    text: 'POST /restapi/oauth/revoke → OAU-164',
    expected: { code: 'OAU-164', id: 'revoke-invalid-client' },
  },
  {
    klass: '2 wrong meaning',
    name: 'OAU-167 = realm restriction, not a wrong client id',
    text: body({
      error: 'invalid_client',
      error_description: 'Account access restricted by RealmId',
      errors: [{ errorCode: 'OAU-167', message: 'Account access restricted by RealmId' }],
    }),
    expected: { code: 'OAU-167', id: 'realm-restricted' },
  },

  // 3. Missing codes.
  {
    klass: '3 missing code',
    name: 'AGW-401',
    text: '{"errorCode":"AGW-401","message":"Authorization header is not specified"}',
    expected: { code: 'AGW-401', id: 'bearer-header-missing' },
  },
  {
    klass: '3 missing code',
    name: 'AGW-402',
    text: 'RC API error: 401 {"errorCode":"AGW-402","message":"Invalid Authorization header"}',
    expected: { code: 'AGW-402', id: 'access-token-invalid' },
  },
  {
    klass: '3 missing code',
    name: 'AGW-404',
    text: 'RC API error: 404 {"errorCode":"AGW-404","message":"Resource not found"}',
    expected: { code: 'AGW-404', id: 'api-resource-not-found' },
  },
  {
    klass: '3 missing code',
    name: 'CMN-419 another extension',
    text: body({
      errorCode: 'CMN-419',
      message:
        'In order to call this API endpoint for another extension, user needs to have [ReadCallLog] permission granted with extended scope',
      permissionsName: 'ReadCallLog',
    }),
    expected: { code: 'CMN-419', id: 'extended-scope-permission-required', permission: 'ReadCallLog' },
  },
  { klass: '3 missing code', name: 'CMN-304', text: 'CMN-304', expected: { code: 'CMN-304', id: 'rate-limited' } },
  {
    klass: '3 missing code',
    name: 'CMN-310',
    text: '{"errorCode":"CMN-310","message":"Request is in progress"}',
    expected: { code: 'CMN-310', id: 'rate-limited' },
  },
  {
    klass: '3 missing code',
    name: 'OAU-127',
    text: body({
      error: 'invalid_client',
      errors: [{ errorCode: 'OAU-127', message: 'Invalid application release.' }],
    }),
    expected: { code: 'OAU-127', id: 'app-release-invalid' },
  },
  {
    klass: '3 missing code',
    name: 'SUB-523 https required',
    text: '{"errorCode":"SUB-523","message":"HTTPS is required"}',
    expected: { code: 'SUB-523', id: 'webhook-server-invalid' },
  },
  {
    klass: '3 missing code',
    name: 'SUB-524 certificate',
    text: 'SUB-524 HTTPS certificate is not valid',
    expected: { code: 'SUB-524', id: 'webhook-server-invalid' },
  },
  {
    klass: '3 missing code',
    name: 'SUB-525 validation',
    text: '{"errorCode":"SUB-525","message":"WebHook server response is invalid"}',
    expected: { code: 'SUB-525', id: 'webhook-server-invalid' },
  },
  {
    klass: '3 missing code',
    name: 'SUB-4xx access',
    text: '{"errorCode":"SUB-406","message":"Not allowed subscribe for events to extensions of other account"}',
    expected: { code: 'SUB-406', id: 'subscription-not-allowed' },
  },
  {
    klass: '3 missing code',
    name: 'SUB-528 app permission',
    text: '{"errorCode":"SUB-528","message":"Subscription is not allowed"}',
    expected: { code: 'SUB-528', id: 'subscription-permission-missing' },
  },

  // 4. SDK-side messages.
  {
    klass: '4 SDK message',
    name: 'Refresh token has expired (JS SDK)',
    text: 'Error: Refresh token has expired\n    at Platform._refresh (node_modules/@ringcentral/sdk/lib/platform/Platform.js:512:23)',
    expected: { code: null, id: 'sdk-refresh-token-expired' },
  },
  {
    klass: '4 SDK message',
    name: 'Refresh token is missing (PHP SDK)',
    text: 'PHP Fatal error:  Uncaught Exception: Refresh token is missing in /app/vendor/ringcentral/ringcentral-php/src/Platform/Platform.php:288',
    expected: { code: null, id: 'sdk-refresh-token-missing' },
  },

  // 5. Formats.
  {
    klass: '5 format',
    name: 'Node util.inspect (unquoted keys, [Object]) keeps permissionName',
    text: [
      'RestException: HTTP 403 Forbidden',
      '    at Rest.request (node_modules/@rc-ex/core/lib/Rest.js:83:19) {',
      '  response: {',
      '    status: 403,',
      "    statusText: 'Forbidden',",
      '    data: {',
      "      errorCode: 'InsufficientPermissions',",
      "      message: 'In order to call this API endpoint, application needs to have [ReadAccounts] permission',",
      '      errors: [ [Object] ],',
      "      permissionName: 'ReadAccounts'",
      '    }',
      '  }',
      '}',
    ].join('\n'),
    expected: { code: 'CMN-401', id: 'app-permission-missing', permission: 'ReadAccounts' },
  },
  {
    klass: '5 format',
    name: 'error=expired_token',
    text: '{"error":"expired_token"}',
    expected: { code: null, id: 'access-token-expired' },
  },
  {
    klass: '5 format',
    name: 'error=insufficient_scope',
    text: 'WWW-Authenticate: Bearer error="insufficient_scope"',
    expected: { code: null, id: 'app-permission-missing' },
  },
  {
    klass: '5 format',
    name: 'error=invalid_redirect_uri',
    text: 'https://app.example.com/cb#error=invalid_redirect_uri',
    expected: { code: null, id: 'redirect-uri-mismatch' },
  },
  {
    klass: '5 format',
    name: 'error=service_unavailable',
    text: '{"error":"service_unavailable","error_description":"Service is temporarily unavailable"}',
    expected: { code: null, id: 'temporarily-unavailable' },
  },
  {
    klass: '5 format',
    name: 'bare MSG code',
    text: 'SMS failed: MSG-304',
    expected: { code: 'MSG-304', id: 'phone-number-not-owned' },
  },
  {
    klass: '5 format',
    name: 'PHP ApiException with Guzzle body',
    text: 'RingCentral\\SDK\\Http\\ApiException: Client error: `POST https://platform.ringcentral.com/restapi/oauth/token` resulted in a `401 Unauthorized` response:\n{\n  "error" : "invalid_client",\n  "errors" : [ {\n    "errorCode" : "OAU-146",\n    "message" : "Invalid client credentials"\n  } ],\n  "error_description" : "Invalid client credentials"\n} in /app/vendor/ringcentral/ringcentral-php/src/Http/Client.php:54',
    expected: { code: 'OAU-146', id: 'client-secret-wrong' },
  },
  {
    klass: '5 format',
    name: 'Python traceback',
    text: 'Traceback (most recent call last):\n  File "app.py", line 12, in <module>\n    platform.login(jwt=os.environ["RC_JWT"])\n  File "/usr/lib/python3/site-packages/ringcentral/platform/platform.py", line 120, in login\n    raise e\nringcentral.http.api_exception.ApiException: Unauthorized for this grant type',
    expected: { code: 'OAU-251', id: 'grant-type-not-enabled' },
  },
  {
    klass: '5 format',
    name: 'C# RestException',
    text: 'RingCentral.RestException: Response:\nHttpStatusCode: 403\n{"errorCode":"InsufficientPermissions","message":"In order to call this API endpoint, application needs to have [SMS] permission","errors":[{"errorCode":"CMN-401","message":"In order to call this API endpoint, application needs to have [SMS] permission","permissionName":"SMS"}],"permissionName":"SMS"}\n   at RingCentral.RestClient.Request(HttpRequestMessage httpRequestMessage, RestRequestConfig restRequestConfig)',
    expected: { code: 'CMN-401', id: 'app-permission-missing', permission: 'SMS' },
  },
  {
    klass: '5 format',
    name: 'Java SDK dump',
    text: 'com.ringcentral.RestException: HTTP Response\n=============\nstatus code: 401\n\nContent-Type: application/json\n\n{\n  "errorCode" : "TokenInvalid",\n  "message" : "Token not found",\n  "errors" : [ {\n    "errorCode" : "OAU-213",\n    "message" : "Token not found"\n  } ]\n}',
    expected: { code: 'OAU-213', id: 'access-token-not-found' },
  },
  {
    klass: '5 format',
    name: 'Ruby hash inspect (symbol keys)',
    text: 'RingCentral::Error: {:errorCode=>"InsufficientPermissions", :message=>"In order to call this API endpoint, application needs to have [ReadContacts] permission", :permissionName=>"ReadContacts"}',
    expected: { code: 'CMN-401', id: 'app-permission-missing', permission: 'ReadContacts' },
  },
  {
    klass: '5 format',
    name: 'curl -v',
    text: [
      '*   Trying 199.255.120.128:443...',
      '> POST /restapi/oauth/token HTTP/1.1',
      '> Host: platform.ringcentral.com',
      '> Content-Type: application/x-www-form-urlencoded',
      '>',
      '< HTTP/1.1 400 Bad Request',
      '< Content-Type: application/json',
      '<',
      '{"error":"invalid_grant","errors":[{"errorCode":"OAU-109","message":"Redirect URIs do not match"}],"error_description":"Redirect URIs do not match"}',
    ].join('\n'),
    expected: { code: 'OAU-109', id: 'redirect-uri-mismatch' },
  },
  {
    klass: '5 format',
    name: 'HAR entry',
    text: JSON.stringify({
      log: {
        version: '1.2',
        entries: [
          {
            request: { method: 'POST', url: 'https://platform.ringcentral.com/restapi/oauth/token' },
            response: { status: 200, statusText: 'OK', headers: [], content: { text: '{"access_token":"x"}' } },
          },
          {
            request: { method: 'GET', url: 'https://platform.ringcentral.com/restapi/v1.0/account/~/extension/~' },
            response: {
              status: 401,
              statusText: 'Unauthorized',
              headers: [{ name: 'Content-Type', value: 'application/json' }],
              content: {
                mimeType: 'application/json',
                text: '{"errorCode":"OAU-123","message":"Authorization header is not specified","errors":[{"errorCode":"OAU-123","message":"Authorization header is not specified"}]}',
              },
            },
          },
        ],
      },
    }),
    expected: { code: 'OAU-123', id: 'bearer-header-missing' },
  },
  {
    klass: '5 format',
    name: 'callback URL, error in the fragment',
    text: 'http://localhost:8080/callback#error=access_denied&error_description=The+user+has+denied+access',
    expected: { code: null, id: 'access-denied' },
  },
  {
    klass: '5 format',
    name: 'browser page text',
    text: 'RingCentral\nSign in\nUnable to authorize\nOAU-113: No redirect uri is registered for the client\nPlease contact the application developer.',
    expected: { code: 'OAU-113', id: 'redirect-uri-not-registered' },
  },
];
