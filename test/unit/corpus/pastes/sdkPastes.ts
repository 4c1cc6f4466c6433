// Real pastes (see ../realPastes.ts): Wrapped by an SDK or a language runtime: Node, PHP, Ruby, Python, C#, Java (dumps, exceptions, stacks, logs).
import type { RealPaste } from '../realPastes';

export const SDK_PASTES: RealPaste[] = [
  // source: https://github.com/ringcentral/ringcentral-php/issues/28
  // note: REST call (message-store) without a Bearer header; facts correction row OAU-123
  {
    source: 'https://github.com/ringcentral/ringcentral-php/issues/28',
    format: 'php-sdk-exception',
    text: 'Exception: Authorization header is not specified\nSDK HTTP Error at https://platform.ringcentral.com/restapi/v1.0/account/~/extension/~/message-store?messageType=VoiceMail&dateFrom=2016-04-16T07%3A00%3A02%2B03%3A00&dateTo=2016-04-17T20%3A55%3A15%2B03%3A00\nResponse text: {\n  "errorCode" : "OAU-123",\n  "message" : "Authorization header is not specified",\n  "errors" : [ {\n    "errorCode" : "OAU-123",\n    "message" : "Authorization header is not specified"\n  } ]\n}\nPrevious: Response has unsuccessful status',
    expected: { code: 'OAU-123', id: 'bearer-header-missing', newEntry: true },
  },
  // source: https://github.com/ringcentral/ringcentral-web-phone/issues/386
  // note: Guzzle truncates the body ("Unauthorized for thi (truncated...)"): code is in the body, message is cut
  {
    source: 'https://github.com/ringcentral/ringcentral-web-phone/issues/386',
    format: 'php-guzzle',
    text: 'GuzzleHttp\\Exception\\ClientException: Client error: `POST https://platform.devtest.ringcentral.com/restapi/oauth/token`\nresulted in a `400 Bad Request` response:\n{\n"error" : "unauthorized_client",\n"errors" : [ {\n"errorCode" : "OAU-251",\n"message" : "Unauthorized for thi (truncated...)\nin /var/www/html/betaapi/public_html/vendor/guzzlehttp/guzzle/src/Exception/RequestException.php:113\nStack trace:\n#0 /var/www/html/betaapi/public_html/vendor/guzzlehttp/guzzle/src/Middleware.php(72):\nGuzzleHttp\\Exception\\RequestException::create(Object(GuzzleHttp\\Psr7\\Request), Object(GuzzleHttp\\Psr7\\Response), NULL,\nArray, NULL)',
    expected: { code: 'OAU-251', id: 'grant-type-not-enabled' },
  },
  // source: https://github.com/ringcentral/ringcentral-php/issues/39
  // note: no code in the body; "Authentication header value is malformed" = the Basic header is malformed (maintainer: appKey/appSecret wrong)
  {
    source: 'https://github.com/ringcentral/ringcentral-php/issues/39',
    format: 'php-apiexception',
    text: 'ApiException in Client.php line 54:\nClient error: `POST https://platform.ringcentral.com/restapi/oauth/token` resulted in a `400 Bad Request` response:\n{\n"error" : "invalid_client",\n"error_description" : "Authentication header value is malformed"\n}',
    expected: { code: null, id: 'invalid-authorization-header' },
  },
  // source: https://github.com/ringcentral/ringcentral-php/issues/39#comment-2
  // note: message without code: "Unauthorized for this grant type" names OAU-251 (class 1)
  {
    source: 'https://github.com/ringcentral/ringcentral-php/issues/39#comment-2',
    format: 'php-guzzle',
    text: 'POST https://platform.devtest.ringcentral.com/restapi/oauth/token` resulted in a `400 Bad Request` response:\n{\n"error" : "unauthorized_client",\n"error_description" : "Unauthorized for this grant type"\n}',
    expected: { code: 'OAU-251', id: 'grant-type-not-enabled' },
  },
  // source: https://github.com/grokify/ringcentral-sdk-ruby/issues/1
  // note: Ruby OAuth2 gem error; password grant sent without the Basic client header
  {
    source: 'https://github.com/grokify/ringcentral-sdk-ruby/issues/1',
    format: 'ruby',
    text: 'OAuth2::Error: invalid_client: Authentication header is missing',
    expected: { code: null, id: 'client-authentication-required' },
  },
  // source: https://github.com/ringcentral/ringcentral-csharp/issues/70
  // note: ASP.NET Web API error JSON wrapping RingCentral.Http.ApiException
  {
    source: 'https://github.com/ringcentral/ringcentral-csharp/issues/70',
    format: 'csharp-apiexception',
    text: ' "Message": "An error has occurred.",\n    "ExceptionMessage": "Unauthorized for this grant type",\n    "ExceptionType": "RingCentral.Http.ApiException"',
    expected: { code: 'OAU-251', id: 'grant-type-not-enabled' },
  },
  // source: https://github.com/ringcentral/ringcentral-demos-oauth/issues/9
  // note: message only; "Authorization method not supported" names OAU-151
  {
    source: 'https://github.com/ringcentral/ringcentral-demos-oauth/issues/9',
    format: 'csharp-apiexception',
    text: "An exception of type 'RingCentral.Http.ApiException' occurred in RingCentral.dll but was not handled in user code\n\nAdditional information: Authorization method not supported",
    expected: { code: 'OAU-151', id: 'authorization-method-not-supported' },
  },
  // source: https://community.ringcentral.com/questions/1221/tokeninvalid-oau-213-token-not-found.html
  // note: Ruby SDK downloading recordings (REST call): TokenInvalid + OAU-213 = the ACCESS token is gone (facts correction row)
  {
    source: 'https://community.ringcentral.com/questions/1221/tokeninvalid-oau-213-token-not-found.html',
    format: 'ruby-log',
    text: 'TokenInvalid: OAU-213 (Token not found)',
    expected: { code: 'OAU-213', id: 'access-token-not-found', newEntry: true },
  },
  // source: https://community.ringcentral.com/answers/3501/view.html
  // note: Faraday-based Ruby client log line; empty client_id parameterValue
  {
    source: 'https://community.ringcentral.com/answers/3501/view.html',
    format: 'ruby-log',
    text: 'API Error: invalid_client: Invalid client: { "error" : "invalid_client", "errors" : [ { "errorCode" : "OAU-153", "message" : "Invalid client: ", "parameters" : [ { "parameterName" : "client_id", "parameterValue" : "" } ] } ], "error_description" : "Invalid client: "}',
    expected: { code: 'OAU-153', id: 'client-id-unknown' },
  },
  // source: https://github.com/ringcentral/ringcentral-js/issues/128
  {
    source: 'https://github.com/ringcentral/ringcentral-js/issues/128',
    format: 'node-stack',
    text: 'node:59834) UnhandledPromiseRejectionWarning: Error: Unauthorized for this grant type\n    at Client.<anonymous> (/path/to/project/node_modules/@ringcentral/sdk/lib/http/Client.js:115:35)\n    at step (/path/to/project/node_modules/@ringcentral/sdk/lib/http/Client.js:56:23)\n    at Object.next (/path/to/project/node_modules/@ringcentral/sdk/lib/http/Client.js:37:53)\n    at fulfilled (/path/to/project/node_modules/@ringcentral/sdk/lib/http/Client.js:28:58)\n    at processTicksAndRejections (internal/process/task_queues.js:97:5)',
    expected: { code: 'OAU-251', id: 'grant-type-not-enabled' },
  },
  // source: https://community.ringcentral.com/questions/92684/a2p-10-dlc-sms-batch-error-401-errorcode-agw-402-a.html
  // note: Java app log wrapping the SDK's "HTTP Response" dump; AGW-402 = API gateway rejected the Bearer header; needs AGW-402 added to access-token-invalid's codes
  {
    source: 'https://community.ringcentral.com/questions/92684/a2p-10-dlc-sms-batch-error-401-errorcode-agw-402-a.html',
    format: 'java-log',
    text: '2020-11-23 13:43:45,855 [ERROR] Thread-541640 MessagingServiceImpl:64 RingCentral exception - com.envera.east.sms.notification.service.MessagingException: HTTP Response\n\n\nstatus code: 401\n\nServer: nginx\n\nDate: Mon, 23 Nov 2020 18:43:45 GMT\n\nContent-Type: application/json\n\nContent-Length: 175\n\nConnection: keep-alive\n\nWWW-Authenticate: Bearer realm="RingCentral REST API"\n\nRCRequestId: d158ffb4-2dbb-11eb-860b-0050568dac6b\n\n\n\n"errorCode" : "AGW-402",\n\n"message" : "Invalid Authorization header",',
    expected: { code: 'AGW-402', id: 'access-token-invalid' },
  },
  // source: https://github.com/ringcentral/ringcentral-java/issues/24
  // note: ringcentral-java 1.6.1 RestException text; body cut where the excerpt ends
  {
    source: 'https://github.com/ringcentral/ringcentral-java/issues/24',
    format: 'java-sdk-dump',
    text: 'HTTP Response\n=============\nstatus code: 400\n\nServer: nginx\nDate: Thu, 22 Apr 2021 07:56:06 GMT\nContent-Type: application/json\nContent-Length: 199\nConnection: keep-alive\nVary: Origin\nVary: Access-Control-Request-Method\nVary: Access-Control-Request-Headers\nContent-Language: en\nRCRequestId: 31726850-a340-11eb-a4a8-005056b52063\nPragma: no-cache\nCache-Control: no-store\nAceRoutingKey: iad41-c01-ace01-64f4b5b45b-b5tlv\nRoutingKey: IAD01P06\n\n{\n  "error" : "invalid_grant",\n  "errors" : [ {\n    "errorCode" : "OAU-140",',
    expected: { code: 'OAU-140', id: 'invalid-user-credentials' },
  },
  // source: https://github.com/stitchdata/docs/issues/701
  // note: Stitch tap-ringcentral (requests): no body logged, only the status and the token URL; nothing more can be said
  {
    source: 'https://github.com/stitchdata/docs/issues/701',
    format: 'python-log',
    text: '2021-11-12 17:15:56,521Z    tap - CRITICAL 400 Client Error: Bad Request for url: https://platform.ringcentral.com/restapi/oauth/token\n2021-11-12 17:15:56,521Z    tap - Traceback (most recent call last):',
    expected: { code: null, id: 'http-bad-request' },
  },
  // source: https://github.com/tylerlong/ringcentral-permissions-experiments/blob/8155c99328b34a7e058983c3a1bab61c85c6101d/test/read-message-store/README.md
  // note: standard user reading another extension's message store; the permission field is spelled "permissionsName" here
  {
    source:
      'https://github.com/tylerlong/ringcentral-permissions-experiments/blob/8155c99328b34a7e058983c3a1bab61c85c6101d/test/read-message-store/README.md',
    format: 'node-sdk-response-dump',
    text: '"data": {\n  "errorCode": "CMN-419",\n  "message": "In order to call this API endpoint for another extension, user needs to have [ReadMessages] permission granted with extended scope",\n  "errors": [\n    {\n      "errorCode": "CMN-419",\n      "message": "In order to call this API endpoint for another extension, user needs to have [ReadMessages] permission granted with extended scope",\n      "permissionsName": "ReadMessages"\n    }\n  ],\n  "permissionsName": "ReadMessages"\n},\n"status": 403,\n"statusText": "Forbidden",',
    expected: { code: 'CMN-419', id: 'extended-scope-permission-required', permission: 'ReadMessages', newEntry: true },
  },
  // source: https://github.com/tylerlong/ringcentral-permissions-experiments/blob/714b2fca4a1e2d3a4f41a69e420be5f04afe2c2d/test/create-contact/README.md
  {
    source:
      'https://github.com/tylerlong/ringcentral-permissions-experiments/blob/714b2fca4a1e2d3a4f41a69e420be5f04afe2c2d/test/create-contact/README.md',
    format: 'node-sdk-response-dump',
    text: '{\n"data": {\n  "errorCode": "CMN-419",\n  "message": "In order to call this API endpoint for another extension, user needs to have [EditPersonalContacts] permission granted with extended scope",\n  "errors": [\n    {\n      "errorCode": "CMN-419",\n      "message": "In order to call this API endpoint for another extension, user needs to have [EditPersonalContacts] permission granted with extended scope",\n      "permissionsName": "EditPersonalContacts"\n    }\n  ],\n  "permissionsName": "EditPersonalContacts"\n}',
    expected: {
      code: 'CMN-419',
      id: 'extended-scope-permission-required',
      permission: 'EditPersonalContacts',
      newEntry: true,
    },
  },
  // source: https://github.com/tylerlong/ringcentral-permissions-experiments/blob/84db4af2a7d6e307e18a406a751831cd0c7ec1a1/test/send-message-on-behalf-of-another/README.md
  // note: top-level errorCode FeatureNotAvailable; sending SMS from a number of another extension, even as super admin
  {
    source:
      'https://github.com/tylerlong/ringcentral-permissions-experiments/blob/84db4af2a7d6e307e18a406a751831cd0c7ec1a1/test/send-message-on-behalf-of-another/README.md',
    format: 'node-sdk-response-dump',
    text: '{\n      "data": {\n        "errorCode": "FeatureNotAvailable",\n        "message": "Phone number doesn\'t belong to extension",\n        "errors": [\n          {\n            "errorCode": "MSG-304",\n            "message": "Phone number doesn\'t belong to extension"\n          }\n        ]\n      },\n      "status": 403,\n      "statusText": "Forbidden",',
    expected: { code: 'MSG-304', id: 'phone-number-not-owned', newEntry: true },
  },
  // source: https://whosebug.com/question/4148760/RingCentral-Update-Extension-API-Error-EXT-413-Credentials-changing-is-not-allowed
  // note: mirror of a Stack Overflow question; JS SDK error object with status/statusText/url/message/originalRequest/rcRequestId; cause = SSO account, password managed by the IdP
  {
    source:
      'https://whosebug.com/question/4148760/RingCentral-Update-Extension-API-Error-EXT-413-Credentials-changing-is-not-allowed',
    format: 'node-sdk-error-json',
    text: '{\n"status":400,\n"statusText":"Bad Request",\n"url":"https://platform.ringcentral.com/restapi/v1.0/account/~/extension/11111111",\n"message":{\n"errorCode":"EXT-413",\n"message":"Credentials changing is not allowed",\n"errors":[\n{\n"errorCode":"EXT-413",\n"message":"Credentials changing is not allowed"\n}\n]\n},\n"originalRequest":{\n"method":"PUT",\n"path":"/restapi/v1.0/account/~/extension/11111111"\n},\n"rcRequestId":[\n"11112222-3333-4444-5555-666677778888"\n]\n}',
    expected: { code: 'EXT-413', id: 'credentials-change-not-allowed', newEntry: true },
  },
  // source: https://github.com/tylerlong/bot_creation_delay/blob/0989855e77f26c6fbbfb18ed61658dd051fd89d2/README.md
  // note: ringcentral-js-concise error (status line + raw JSON body) after util.inspect output; a SUB-4xx is an access problem of the subscribing user/bot (here: bot extension not provisioned yet), NOT the webhook server
  {
    source: 'https://github.com/tylerlong/bot_creation_delay/blob/0989855e77f26c6fbbfb18ed61658dd051fd89d2/README.md',
    format: 'node-unhandled-rejection',
    text: '(node:34411) UnhandledPromiseRejectionWarning: Error: 403 Forbidden\n{"errorCode":"SUB-406","message":"Not allowed subscribe for events to extensions of other account","errors":[{"errorCode":"SUB-406","message":"Not allowed subscribe for events to extensions of other account"}]}\n    at Function._axios.request (/Users/tyler.liu/src/bots/bot_creation_delay/node_modules/ringcentral-js-concise/dist/webpack:/RingCentral/src/ringcentral.js:41:1)\n    at process._tickCallback (internal/process/next_tick.js:68:7)',
    expected: { code: 'SUB-406', id: 'subscription-not-allowed', newEntry: true },
  },
  // source: https://github.com/grokify/ringcentral-sdk-ruby/issues/68
  // note: the Ruby SDK's own retry middleware logs this on a 429; no body shown
  {
    source: 'https://github.com/grokify/ringcentral-sdk-ruby/issues/68',
    format: 'ruby-log',
    text: 'W, [2017-06-12T09:48:34.397029 #25438]  WARN -- : You have been rate limited. Retrying in 60 seconds...\nW, [2017-06-12T09:48:35.397205 #25438]  WARN -- : 60...\nW, [2017-06-12T09:48:40.398032 #25438]  WARN -- : 55...',
    expected: { code: null, id: 'rate-limited' },
  },
  // source: https://github.com/ringcentral/ringcentral-js/issues/101
  // note: message only; "Resource for parameter [X] is not found" is CMN-102 (here: the subscription expired or was deleted, so renewing it by id fails)
  {
    source: 'https://github.com/ringcentral/ringcentral-js/issues/101',
    format: 'node-unhandled-rejection',
    text: '(node:27618) UnhandledPromiseRejectionWarning: Error: Resource for parameter [subscriptionId] is not found\n    at Client.<anonymous> (/home/dev/node_modules/ringcentral/src/http/Client.js:62:38)\n    at <anonymous>\n    at process._tickCallback (internal/process/next_tick.js:188:7)',
    expected: { code: 'CMN-102', id: 'resource-id-not-found', newEntry: true },
  },
  // source: https://github.com/ringcentral/ringcentral-python/issues/24
  // note: Python SDK prints str(e) at platform.login(); SDK-side message
  {
    source: 'https://github.com/ringcentral/ringcentral-python/issues/24',
    format: 'python-message',
    text: 'It is throwing "Refresh Token has expired at patform.login()',
    expected: { code: null, id: 'sdk-refresh-token-expired', newEntry: true },
  },
  // source: https://github.com/ringcentral/ringcentral-php/issues/8
  // note: old PHP SDK: SDK-side "Refresh token has expired" followed by the server's invalid_client "Bad Application Release Status: Blocked" in print_r form; the server error is the one to explain (app not usable in this environment; OAU-127 "Invalid application release." is the coded form)
  {
    source: 'https://github.com/ringcentral/ringcentral-php/issues/8',
    format: 'php-sdk-print_r',
    text: 'xception: Refresh token has expired Exception: Bad Application Release Status: Blocked SDK HTTP Error: Bad Application Release Status: Blocked at https://platform.devtest.ringcentral.com/restapi/oauth/token stdClass Object ( [error] => invalid_client [error_description] => Bad Application Release Status: Blocked ) Previous: Response has unsuccessful status #0 /home/dashboardrmonnet/public_html/test/rc/lib/platform/Platform.php(238): RingCentral\\http\\Request->send() #1 /home/dashboardrmonnet/public_html/test/rc/lib/platform/Platform.php(145): RingCentral\\platform\\Platform->authCall(Object(RingCentral\\http\\Request))',
    expected: { code: null, id: 'app-release-invalid', newEntry: true },
  },
  // source: https://github.com/ringcentral/RingCentral.Net/issues/10
  // note: RingCentral.Net bug masks the real (wrong-password) response: nothing RingCentral-specific can be read; the parser must not crash and must not invent a code
  {
    source: 'https://github.com/ringcentral/RingCentral.Net/issues/10',
    format: 'csharp-restexception-stack',
    text: "Cannot access a disposed object.\nObject name: 'System.Net.Http.FormUrlEncodedContent'.\n\nStack Trace: \n   at System.Net.Http.HttpContent.CheckDisposed()\n   at System.Net.Http.HttpContent.ReadAsStringAsync()\n   at RingCentral.Utils.FormatHttpMessage(HttpResponseMessage httpResponseMessage, HttpRequestMessage httpRequestMessage)\n   at RingCentral.RestException..ctor(HttpResponseMessage httpResponseMessage, HttpRequestMessage httpRequestMessage)\n   at RingCentral.RestClient.<Request>d__30.MoveNext()",
    expected: { code: null, id: 'unknown-error' },
  },
  // source: https://github.com/ringcentral/ringcentral-python/issues/88
  // note: ringcentral-python < 0.9.1 crashes while building the error for a non-JSON 429/401 body; the real status is lost – parser must not invent a code (fixed in 0.9.1)
  {
    source: 'https://github.com/ringcentral/ringcentral-python/issues/88',
    format: 'python-traceback',
    text: "`message = message + ' (and additional error happened during JSON parse: ' + e.message + ')'\nAttributeError: 'Exception' object has no attribute 'message'\n`",
    expected: { code: null, id: 'unknown-error' },
  },
];
