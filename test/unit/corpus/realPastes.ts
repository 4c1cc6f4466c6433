// Real RingCentral error pastes, each traced to a public source (collected for issue 9).
// Text is kept as found (trimmed to the relevant lines); none of them contains a live token or secret.
// `expected.newEntry` marks ids the knowledge base does not have yet (see NOTES.md).

export interface RealPaste {
  source: string;
  format: string;
  text: string;
  expected: { code: string | null; id: string; permission?: string; newEntry?: boolean };
}

export const REAL_PASTES: RealPaste[] = [
  // source: https://github.com/ringcentral/ringcentral-php/issues/28
  // note: REST call (message-store) without a Bearer header; facts correction row OAU-123
  {
    source: "https://github.com/ringcentral/ringcentral-php/issues/28",
    format: "php-sdk-exception",
    text: "Exception: Authorization header is not specified\nSDK HTTP Error at https://platform.ringcentral.com/restapi/v1.0/account/~/extension/~/message-store?messageType=VoiceMail&dateFrom=2016-04-16T07%3A00%3A02%2B03%3A00&dateTo=2016-04-17T20%3A55%3A15%2B03%3A00\nResponse text: {\n  \"errorCode\" : \"OAU-123\",\n  \"message\" : \"Authorization header is not specified\",\n  \"errors\" : [ {\n    \"errorCode\" : \"OAU-123\",\n    \"message\" : \"Authorization header is not specified\"\n  } ]\n}\nPrevious: Response has unsuccessful status",
    expected: { code: "OAU-123", id: "bearer-header-missing", newEntry: true },
  },
  // source: https://github.com/ringcentral/ringcentral-php/issues/41
  // note: "while authorizing" (token endpoint); no URL in the paste so the token-endpoint meaning is the default
  {
    source: "https://github.com/ringcentral/ringcentral-php/issues/41",
    format: "json-fragment",
    text: " \"errorCode\" : \"OAU-123\",\n \"message\" : \"Authorization header is not specified\"",
    expected: { code: "OAU-123", id: "client-authentication-required" },
  },
  // source: https://github.com/ringcentral/ringcentral-web-phone/issues/386
  // note: Guzzle truncates the body ("Unauthorized for thi (truncated...)"): code is in the body, message is cut
  {
    source: "https://github.com/ringcentral/ringcentral-web-phone/issues/386",
    format: "php-guzzle",
    text: "GuzzleHttp\\Exception\\ClientException: Client error: `POST https://platform.devtest.ringcentral.com/restapi/oauth/token`\nresulted in a `400 Bad Request` response:\n{\n\"error\" : \"unauthorized_client\",\n\"errors\" : [ {\n\"errorCode\" : \"OAU-251\",\n\"message\" : \"Unauthorized for thi (truncated...)\nin /var/www/html/betaapi/public_html/vendor/guzzlehttp/guzzle/src/Exception/RequestException.php:113\nStack trace:\n#0 /var/www/html/betaapi/public_html/vendor/guzzlehttp/guzzle/src/Middleware.php(72):\nGuzzleHttp\\Exception\\RequestException::create(Object(GuzzleHttp\\Psr7\\Request), Object(GuzzleHttp\\Psr7\\Response), NULL,\nArray, NULL)",
    expected: { code: "OAU-251", id: "grant-type-not-enabled" },
  },
  // source: https://github.com/ringcentral/ringcentral-api-docs/pull/33
  {
    source: "https://github.com/ringcentral/ringcentral-api-docs/pull/33",
    format: "curl",
    text: "$ curl 'https://platform.devtest.ringcentral.com/restapi/oauth/token' \\\n>     -X POST \\\n>     --header 'Content-Type: application/x-www-form-urlencoded' \\\n>     -d 'grant_type=authorization_code&code=<redacted>&redirect_uri=http://localhost:5000/oauth'\n{\n  \"error\" : \"invalid_client\",\n  \"error_description\" : \"Client authentication is required\",\n  \"errors\" : [ {\n    \"errorCode\" : \"OAU-123\",\n    \"message\" : \"Client authentication is required\"\n  } ]\n}",
    expected: { code: "OAU-123", id: "client-authentication-required" },
  },
  // source: https://github.com/ringcentral/ringcentral-php/issues/39
  // note: no code in the body; "Authentication header value is malformed" = the Basic header is malformed (maintainer: appKey/appSecret wrong)
  {
    source: "https://github.com/ringcentral/ringcentral-php/issues/39",
    format: "php-apiexception",
    text: "ApiException in Client.php line 54:\nClient error: `POST https://platform.ringcentral.com/restapi/oauth/token` resulted in a `400 Bad Request` response:\n{\n\"error\" : \"invalid_client\",\n\"error_description\" : \"Authentication header value is malformed\"\n}",
    expected: { code: null, id: "invalid-authorization-header" },
  },
  // source: https://github.com/ringcentral/ringcentral-php/issues/39#comment-2
  // note: message without code: "Unauthorized for this grant type" names OAU-251 (class 1)
  {
    source: "https://github.com/ringcentral/ringcentral-php/issues/39#comment-2",
    format: "php-guzzle",
    text: "POST https://platform.devtest.ringcentral.com/restapi/oauth/token` resulted in a `400 Bad Request` response:\n{\n\"error\" : \"unauthorized_client\",\n\"error_description\" : \"Unauthorized for this grant type\"\n}",
    expected: { code: "OAU-251", id: "grant-type-not-enabled" },
  },
  // source: https://github.com/grokify/ringcentral-sdk-ruby/issues/1
  // note: Ruby OAuth2 gem error; password grant sent without the Basic client header
  {
    source: "https://github.com/grokify/ringcentral-sdk-ruby/issues/1",
    format: "ruby",
    text: "OAuth2::Error: invalid_client: Authentication header is missing",
    expected: { code: null, id: "client-authentication-required" },
  },
  // source: https://github.com/ringcentral/ringcentral-web-phone/issues/154
  {
    source: "https://github.com/ringcentral/ringcentral-web-phone/issues/154",
    format: "json",
    text: "{\n  \"errorCode\" : \"InsufficientPermissions\",\n  \"message\" : \"In order to call this API endpoint, application needs to have [ReadAccounts] permission\",\n  \"errors\" : [ {\n    \"errorCode\" : \"CMN-401\",\n    \"message\" : \"In order to call this API endpoint, application needs to have [ReadAccounts] permission\",\n    \"permissionName\" : \"ReadAccounts\"\n  } ],\n  \"permissionName\" : \"ReadAccounts\"\n}",
    expected: { code: "CMN-401", id: "app-permission-missing", permission: "ReadAccounts" },
  },
  // source: https://github.com/ringcentral/ringcentral-embeddable/issues/591
  {
    source: "https://github.com/ringcentral/ringcentral-embeddable/issues/591",
    format: "json",
    text: "{\n  \"errorCode\" : \"InsufficientPermissions\",\n  \"message\" : \"In order to call this API endpoint, application needs to have [Meetings] permission\",\n  \"errors\" : [ {\n    \"errorCode\" : \"CMN-401\",\n    \"message\" : \"In order to call this API endpoint, application needs to have [Meetings] permission\",\n    \"permissionName\" : \"Meetings\"\n  } ],\n  \"permissionName\" : \"Meetings\"\n}",
    expected: { code: "CMN-401", id: "app-permission-missing", permission: "Meetings" },
  },
  // source: https://github.com/ringcentral/ringcentral-embeddable/issues/620
  {
    source: "https://github.com/ringcentral/ringcentral-embeddable/issues/620",
    format: "browser-network-log",
    text: "Request URL: https://platform.ringcentral.com/restapi/v1.0/glip/persons/<snipped_id>\n\n{\n  \"errorCode\" : \"InsufficientPermissions\",\n  \"message\" : \"In order to call this API endpoint, application needs to have [TeamMessaging] permission\",\n  \"errors\" : [ {\n    \"errorCode\" : \"CMN-401\",\n    \"message\" : \"In order to call this API endpoint, application needs to have [TeamMessaging] permission\",\n    \"permissionName\" : \"TeamMessaging\"\n  } ],\n  \"permissionName\" : \"TeamMessaging\"\n}",
    expected: { code: "CMN-401", id: "app-permission-missing", permission: "TeamMessaging" },
  },
  // source: https://github.com/ringcentral/ringcentral-js/issues/54
  // note: implicit grant not enabled; the message names [IMPLICIT]
  {
    source: "https://github.com/ringcentral/ringcentral-js/issues/54",
    format: "callback-url-fragment",
    text: "http://localhost:8888/#error=unauthorized_client&error_description=The+client+is+unauthorized+for+the+required+grant+type:+%5BIMPLICIT%5D",
    expected: { code: "OAU-112", id: "grant-type-not-enabled" },
  },
  // source: https://github.com/ringcentral/ringcentral-web-phone/issues/116
  {
    source: "https://github.com/ringcentral/ringcentral-web-phone/issues/116",
    format: "json",
    text: "Error: Unauthorized for this grant type\n\n{\n  \"error\" : \"unauthorized_client\",\n  \"errors\" : [ {\n    \"errorCode\" : \"OAU-251\",\n    \"message\" : \"Unauthorized for this grant type\"\n  } ],\n  \"error_description\" : \"Unauthorized for this grant type\"\n}",
    expected: { code: "OAU-251", id: "grant-type-not-enabled" },
  },
  // source: https://github.com/ringcentral/ringcentral-js/issues/144
  // note: React dev overlay text thrown by SDK parseLoginRedirect
  {
    source: "https://github.com/ringcentral/ringcentral-js/issues/144",
    format: "browser-page",
    text: "Unhandled Rejection (Error): The client is unauthorized for the required grant type: [IMPLICIT]",
    expected: { code: "OAU-112", id: "grant-type-not-enabled" },
  },
  // source: https://github.com/ringcentral/ringcentral-csharp/issues/70
  // note: ASP.NET Web API error JSON wrapping RingCentral.Http.ApiException
  {
    source: "https://github.com/ringcentral/ringcentral-csharp/issues/70",
    format: "csharp-apiexception",
    text: " \"Message\": \"An error has occurred.\",\n    \"ExceptionMessage\": \"Unauthorized for this grant type\",\n    \"ExceptionType\": \"RingCentral.Http.ApiException\"",
    expected: { code: "OAU-251", id: "grant-type-not-enabled" },
  },
  // source: https://github.com/ringcentral/ringcentral-embeddable/issues/23
  {
    source: "https://github.com/ringcentral/ringcentral-embeddable/issues/23",
    format: "message-only",
    text: "unauthorized_client: The client is unauthorized for the required grant type: [IMPLICIT]",
    expected: { code: "OAU-112", id: "grant-type-not-enabled" },
  },
  // source: https://github.com/ringcentral/ringcentral-demos-oauth/issues/9
  // note: message only; "Authorization method not supported" names OAU-151
  {
    source: "https://github.com/ringcentral/ringcentral-demos-oauth/issues/9",
    format: "csharp-apiexception",
    text: "An exception of type 'RingCentral.Http.ApiException' occurred in RingCentral.dll but was not handled in user code\n\nAdditional information: Authorization method not supported",
    expected: { code: "OAU-151", id: "authorization-method-not-supported" },
  },
  // source: https://github.com/googleworkspace/apps-script-oauth2/issues/129
  {
    source: "https://github.com/googleworkspace/apps-script-oauth2/issues/129",
    format: "json",
    text: "{\n  \"error\" : \"invalid_grant\",\n  \"error_description\" : \"Redirect URIs do not match\",\n  \"errors\" : [ {\n    \"errorCode\" : \"OAU-109\",\n    \"message\" : \"Redirect URIs do not match\"\n  } ]\n}",
    expected: { code: "OAU-109", id: "redirect-uri-mismatch" },
  },
  // source: https://github.com/ringcentral/ringcentral-embeddable/issues/914
  // note: non-standard error=invalid_redirect_uri
  {
    source: "https://github.com/ringcentral/ringcentral-embeddable/issues/914",
    format: "json",
    text: "{\n  \"error\" : \"invalid_redirect_uri\",\n  \"errors\" : [ {\n    \"errorCode\" : \"OAU-109\",\n    \"message\" : \"Redirect URIs do not match\"\n  } ],\n  \"error_description\" : \"Redirect URIs do not match\"\n}",
    expected: { code: "OAU-109", id: "redirect-uri-mismatch" },
  },
  // source: https://github.com/ringcentral/ringcentral-js/issues/100
  // note: thrown by the JS SDK before any request
  {
    source: "https://github.com/ringcentral/ringcentral-js/issues/100",
    format: "browser-console",
    text: "login.html:148 Error: Refresh token is missing\n    at Platform.<anonymous> (Platform.js:402)",
    expected: { code: null, id: "sdk-refresh-token-missing", newEntry: true },
  },
  // source: https://community.ringcentral.com/questions/1221/tokeninvalid-oau-213-token-not-found.html
  // note: Ruby SDK downloading recordings (REST call): TokenInvalid + OAU-213 = the ACCESS token is gone (facts correction row)
  {
    source: "https://community.ringcentral.com/questions/1221/tokeninvalid-oau-213-token-not-found.html",
    format: "ruby-log",
    text: "TokenInvalid: OAU-213 (Token not found)",
    expected: { code: "OAU-213", id: "access-token-not-found", newEntry: true },
  },
  // source: https://community.ringcentral.com/developer-platform-apis-and-integrations-5/issue-with-oauth-flow-7609
  {
    source: "https://community.ringcentral.com/developer-platform-apis-and-integrations-5/issue-with-oauth-flow-7609",
    format: "json-fragment",
    text: "errorCode\" : \"TokenInvalid\", \"message\" : \"Unparseable access token\",",
    expected: { code: "TokenInvalid", id: "access-token-invalid" },
  },
  // source: https://community.ringcentral.com/answers/3501/view.html
  // note: Faraday-based Ruby client log line; empty client_id parameterValue
  {
    source: "https://community.ringcentral.com/answers/3501/view.html",
    format: "ruby-log",
    text: "API Error: invalid_client: Invalid client: { \"error\" : \"invalid_client\", \"errors\" : [ { \"errorCode\" : \"OAU-153\", \"message\" : \"Invalid client: \", \"parameters\" : [ { \"parameterName\" : \"client_id\", \"parameterValue\" : \"\" } ] } ], \"error_description\" : \"Invalid client: \"}",
    expected: { code: "OAU-153", id: "client-id-unknown" },
  },
  // source: https://community.ringcentral.com/articles/117372/my-access-token-expired-error-oau-210-what-do-i-do.html
  {
    source: "https://community.ringcentral.com/articles/117372/my-access-token-expired-error-oau-210-what-do-i-do.html",
    format: "json",
    text: " { \n     \"error\": \"invalid_grant\", \n     \"errors\": [{ \n         \"errorCode\": \"OAU-210\", \n         \"message\": \"Token expired\" \n     }], \n     \"error_description\": \"Token expired\" \n }",
    expected: { code: "OAU-210", id: "refresh-token-expired" },
  },
  // source: https://stackoverflow.com/questions/47692828/ringcentral-auth-token-failed-in-curl-call-unauthorized-for-this-grant-type
  // note: curl password grant on an app without Password flow
  {
    source: "https://stackoverflow.com/questions/47692828/ringcentral-auth-token-failed-in-curl-call-unauthorized-for-this-grant-type",
    format: "http-status-and-json",
    text: "400 Bad Request\n\n{\n    \"error\": \"unauthorized_client\",\n    \"error_description\": \"Unauthorized for this grant type\",\n    \"errors\": [\n        {\n            \"errorCode\": \"OAU-251\",\n            \"message\": \"Unauthorized for this grant type\"\n        }\n    ]\n}",
    expected: { code: "OAU-251", id: "grant-type-not-enabled" },
  },
  // source: https://community.ringcentral.com/questions/8088/getting-unauthorized-grant-type-exception-oau-250.html
  {
    source: "https://community.ringcentral.com/questions/8088/getting-unauthorized-grant-type-exception-oau-250.html",
    format: "message-only",
    text: "https://platform.devtest.ringcentral.com/restapi/oauth/token authentication api, getting:\n\n400 Bad Request with Unsupported grant type\n\n\"errorCode\" : \"OAU-250\", in response.. no Idea what's wrong this time",
    expected: { code: "OAU-250", id: "unsupported-grant-type" },
  },
  // source: https://community.ringcentral.com/questions/8088/getting-unauthorized-grant-type-exception-oau-250.html#answer
  {
    source: "https://community.ringcentral.com/questions/8088/getting-unauthorized-grant-type-exception-oau-250.html#answer",
    format: "json",
    text: " {\n     \"error\": \"invalid_request\",\n     \"errors\": [{\n         \"errorCode\": \"OAU-250\",\n         \"message\": \"Unsupported grant type\"\n     }],\n     \"error_description\": \"Unsupported grant type\"\n }",
    expected: { code: "OAU-250", id: "unsupported-grant-type" },
  },
  // source: https://stackoverflow.com/questions/49660367
  // note: real CMN-408 wording ("user needs to have [X] permission for requested resource") – must not be caught by CMN-401's pattern
  {
    source: "https://stackoverflow.com/questions/49660367",
    format: "json",
    text: "GET /restapi/v1.0/account/{accountId}/extension/{extensionId}/forwarding-number\n\n{\n \"errorCode\" : \"CMN-408\",\n  \"message\" : \"In order to call this API endpoint, user needs to have [ReadUserForwardingFlipNumbers] permission for requested resource.\",\n  \"errors\" : [ {\n    \"errorCode\" : \"CMN-408\",\n    \"message\" : \"In order to call this API endpoint, user needs to have [ReadUserForwardingFlipNumbers] permission for requested resource.\",\n    \"permissionName\" : \"ReadUserForwardingFlipNumbers\"\n  } ],\n  \"permissionName\" : \"ReadUserForwardingFlipNumbers\"\n}",
    expected: { code: "CMN-408", id: "user-role-lacks-permission", permission: "ReadUserForwardingFlipNumbers" },
  },
  // source: https://stackoverflow.com/questions/50978630
  {
    source: "https://stackoverflow.com/questions/50978630",
    format: "json",
    text: "{\n  \"errorCode\":\"CMN-408\",\n  \"message\":\"In order to call this API endpoint, user needs to have [Meetings] permission for requested resource.\",\n  \"errors\":[\n    {\n      \"errorCode\":\"CMN-408\",\n      \"message\":\"In order to call this API endpoint, user needs to have [Meetings] permission for requested resource.\",\n      \"permissionName\":\"Meetings\"\n    }\n  ],\n  \"permissionName\":\"Meetings\"\n}",
    expected: { code: "CMN-408", id: "user-role-lacks-permission", permission: "Meetings" },
  },
  // source: https://stackoverflow.com/questions/51833563
  // note: on the OAuth flow: error=invalid_client, permission only in parameters[{parameterName:"permissionName", parameterValue}]
  {
    source: "https://stackoverflow.com/questions/51833563",
    format: "json",
    text: "{\n  \"error\" : \"invalid_client\",\n  \"error_description\" : \"[ThirdPartyAppAccess] permission required\",\n  \"errors\" : [ {\n    \"errorCode\" : \"CMN-408\",\n    \"message\" : \"[ThirdPartyAppAccess] permission required\",\n    \"parameters\" : [ {\n      \"parameterName\" : \"permissionName\",\n      \"parameterValue\" : \"ThirdPartyAppAccess\"\n    } ]\n  } ]\n}",
    expected: { code: "CMN-408", id: "user-role-lacks-permission", permission: "ThirdPartyAppAccess" },
  },
  // source: https://github.com/ringcentral/ringcentral-js/issues/128
  {
    source: "https://github.com/ringcentral/ringcentral-js/issues/128",
    format: "node-stack",
    text: "node:59834) UnhandledPromiseRejectionWarning: Error: Unauthorized for this grant type\n    at Client.<anonymous> (/path/to/project/node_modules/@ringcentral/sdk/lib/http/Client.js:115:35)\n    at step (/path/to/project/node_modules/@ringcentral/sdk/lib/http/Client.js:56:23)\n    at Object.next (/path/to/project/node_modules/@ringcentral/sdk/lib/http/Client.js:37:53)\n    at fulfilled (/path/to/project/node_modules/@ringcentral/sdk/lib/http/Client.js:28:58)\n    at processTicksAndRejections (internal/process/task_queues.js:97:5)",
    expected: { code: "OAU-251", id: "grant-type-not-enabled" },
  },
  // source: https://community.ringcentral.com/articles/117292/help-resolving-issues-relating-to-the-redirect-uri.html
  {
    source: "https://community.ringcentral.com/articles/117292/help-resolving-issues-relating-to-the-redirect-uri.html",
    format: "json",
    text: " {\n   \"error\": \"invalid_client\",\n   \"errors\": [ {\n       \"errorCode\": \"OAU-113\",\n       \"message\": \"No redirect uri is registered for the client\"\n   } ],\n   \"error_description\": \"No redirect uri is registered for the client\"\n }",
    expected: { code: "OAU-113", id: "redirect-uri-not-registered" },
  },
  // source: https://community.ringcentral.com/questions/92684/a2p-10-dlc-sms-batch-error-401-errorcode-agw-402-a.html
  // note: Java app log wrapping the SDK's "HTTP Response" dump; AGW-402 = API gateway rejected the Bearer header; needs AGW-402 added to access-token-invalid's codes
  {
    source: "https://community.ringcentral.com/questions/92684/a2p-10-dlc-sms-batch-error-401-errorcode-agw-402-a.html",
    format: "java-log",
    text: "2020-11-23 13:43:45,855 [ERROR] Thread-541640 MessagingServiceImpl:64 RingCentral exception - com.envera.east.sms.notification.service.MessagingException: HTTP Response\n\n\nstatus code: 401\n\nServer: nginx\n\nDate: Mon, 23 Nov 2020 18:43:45 GMT\n\nContent-Type: application/json\n\nContent-Length: 175\n\nConnection: keep-alive\n\nWWW-Authenticate: Bearer realm=\"RingCentral REST API\"\n\nRCRequestId: d158ffb4-2dbb-11eb-860b-0050568dac6b\n\n\n\n\"errorCode\" : \"AGW-402\",\n\n\"message\" : \"Invalid Authorization header\",",
    expected: { code: "AGW-402", id: "access-token-invalid" },
  },
  // source: https://community.ringcentral.com/questions/94694/getting-a-new-refresh-token-not-a-login-issue.html
  // note: PHP SDK (password flow) after two weeks away; SDK-side check, no request made
  {
    source: "https://community.ringcentral.com/questions/94694/getting-a-new-refresh-token-not-a-login-issue.html",
    format: "message-only",
    text: "I am getting the \" Refresh token has expired\" error.",
    expected: { code: null, id: "sdk-refresh-token-expired", newEntry: true },
  },
  // source: https://github.com/ringcentral/ringcentral-java/issues/24
  // note: ringcentral-java 1.6.1 RestException text; body cut where the excerpt ends
  {
    source: "https://github.com/ringcentral/ringcentral-java/issues/24",
    format: "java-sdk-dump",
    text: "HTTP Response\n=============\nstatus code: 400\n\nServer: nginx\nDate: Thu, 22 Apr 2021 07:56:06 GMT\nContent-Type: application/json\nContent-Length: 199\nConnection: keep-alive\nVary: Origin\nVary: Access-Control-Request-Method\nVary: Access-Control-Request-Headers\nContent-Language: en\nRCRequestId: 31726850-a340-11eb-a4a8-005056b52063\nPragma: no-cache\nCache-Control: no-store\nAceRoutingKey: iad41-c01-ace01-64f4b5b45b-b5tlv\nRoutingKey: IAD01P06\n\n{\n  \"error\" : \"invalid_grant\",\n  \"errors\" : [ {\n    \"errorCode\" : \"OAU-140\",",
    expected: { code: "OAU-140", id: "invalid-user-credentials" },
  },
  // source: https://github.com/stitchdata/docs/issues/701
  // note: Stitch tap-ringcentral (requests): no body logged, only the status and the token URL; nothing more can be said
  {
    source: "https://github.com/stitchdata/docs/issues/701",
    format: "python-log",
    text: "2021-11-12 17:15:56,521Z    tap - CRITICAL 400 Client Error: Bad Request for url: https://platform.ringcentral.com/restapi/oauth/token\n2021-11-12 17:15:56,521Z    tap - Traceback (most recent call last):",
    expected: { code: null, id: "http-bad-request" },
  },
  // source: https://github.com/ringcentral/ringcentral-js/issues/75
  {
    source: "https://github.com/ringcentral/ringcentral-js/issues/75",
    format: "message-only",
    text: "I get the error message `Unauthorized for this grant type`. Am i missing something?",
    expected: { code: "OAU-251", id: "grant-type-not-enabled" },
  },
  // source: https://github.com/ringcentral/ringcentral-web-phone/issues/115
  {
    source: "https://github.com/ringcentral/ringcentral-web-phone/issues/115",
    format: "json",
    text: "{\n  \"error\" : \"unauthorized_client\",\n  \"errors\" : [ {\n    \"errorCode\" : \"OAU-251\",\n    \"message\" : \"Unauthorized for this grant type\"\n  } ],\n  \"error_description\" : \"Unauthorized for this grant type\"\n}",
    expected: { code: "OAU-251", id: "grant-type-not-enabled" },
  },
  // source: https://github.com/ringcentral/ringcentral-api-docs/blob/64067a50d93c3c8497f9631ae4c682bd9dc99f5e/docs/notifications/webhooks/configuring-tls-ssl.md
  // note: developer guide troubleshooting: webhook server does not send its intermediate CA certificates
  {
    source: "https://github.com/ringcentral/ringcentral-api-docs/blob/64067a50d93c3c8497f9631ae4c682bd9dc99f5e/docs/notifications/webhooks/configuring-tls-ssl.md",
    format: "http-response",
    text: "HTTP/1.1 400 Bad Request\nContent-Type: application/json;charset=utf-8\n\n{\n  \"errorCode\":\"SUB-524\",\n  \"message\":\"HTTPS certificate is not valid\",\n  \"errors\":[\n    {\n      \"errorCode\":\"SUB-524\",\n      \"message\":\"HTTPS certificate is not valid\"\n    }\n  ]\n}",
    expected: { code: "SUB-524", id: "webhook-server-invalid", newEntry: true },
  },
  // source: https://github.com/ringcentral/ringcentral-api-docs/blob/64067a50d93c3c8497f9631ae4c682bd9dc99f5e/docs/notifications/webhooks/creating-webhooks.md
  // note: as printed in the guide, with typographic quotes (“ ” ”) – a parser must not need straight quotes to find the code
  {
    source: "https://github.com/ringcentral/ringcentral-api-docs/blob/64067a50d93c3c8497f9631ae4c682bd9dc99f5e/docs/notifications/webhooks/creating-webhooks.md",
    format: "json-fragment",
    text: "{“errorCode”: ”SUB-525\", ”message”: ”WebHook server response is invalid”}",
    expected: { code: "SUB-525", id: "webhook-server-invalid", newEntry: true },
  },
  // source: https://github.com/ringcentral/ringcentral-api-docs/blob/64067a50d93c3c8497f9631ae4c682bd9dc99f5e/docs/voice/call-log/access.md
  {
    source: "https://github.com/ringcentral/ringcentral-api-docs/blob/64067a50d93c3c8497f9631ae4c682bd9dc99f5e/docs/voice/call-log/access.md",
    format: "json",
    text: "{\n    \"errorCode\": \"InsufficientPermissions\",\n    \"message\": \"In order to call this API endpoint, application needs to have [ReadCallRecording] permission\",\n    \"errors\": [\n        {\n            \"errorCode\": \"CMN-401\",\n            \"message\": \"In order to call this API endpoint, application needs to have [ReadCallRecording] permission\",\n            \"permissionName\": \"ReadCallRecording\"\n        }\n    ],\n    \"permissionName\": \"ReadCallRecording\"\n}",
    expected: { code: "CMN-401", id: "app-permission-missing", permission: "ReadCallRecording" },
  },
  // source: https://github.com/ringcentral/ringcentral-api-docs/blob/64067a50d93c3c8497f9631ae4c682bd9dc99f5e/docs/voice/finding-active-calls.md
  // note: InsufficientPermissions with "[X] permission required" = user-role case (non-admin user), facts correction row
  {
    source: "https://github.com/ringcentral/ringcentral-api-docs/blob/64067a50d93c3c8497f9631ae4c682bd9dc99f5e/docs/voice/finding-active-calls.md",
    format: "message-only",
    text: "\"InsufficientPermissions\" error: [ReadCompanyCallLog] permission required.",
    expected: { code: "CMN-408", id: "user-role-lacks-permission", permission: "ReadCompanyCallLog" },
  },
  // source: https://github.com/tylerlong/ringcentral-permissions-experiments/blob/8155c99328b34a7e058983c3a1bab61c85c6101d/test/read-message-store/README.md
  // note: standard user reading another extension's message store; the permission field is spelled "permissionsName" here
  {
    source: "https://github.com/tylerlong/ringcentral-permissions-experiments/blob/8155c99328b34a7e058983c3a1bab61c85c6101d/test/read-message-store/README.md",
    format: "node-sdk-response-dump",
    text: "\"data\": {\n  \"errorCode\": \"CMN-419\",\n  \"message\": \"In order to call this API endpoint for another extension, user needs to have [ReadMessages] permission granted with extended scope\",\n  \"errors\": [\n    {\n      \"errorCode\": \"CMN-419\",\n      \"message\": \"In order to call this API endpoint for another extension, user needs to have [ReadMessages] permission granted with extended scope\",\n      \"permissionsName\": \"ReadMessages\"\n    }\n  ],\n  \"permissionsName\": \"ReadMessages\"\n},\n\"status\": 403,\n\"statusText\": \"Forbidden\",",
    expected: { code: "CMN-419", id: "extended-scope-permission-required", permission: "ReadMessages", newEntry: true },
  },
  // source: https://github.com/tylerlong/ringcentral-permissions-experiments/blob/714b2fca4a1e2d3a4f41a69e420be5f04afe2c2d/test/create-contact/README.md
  {
    source: "https://github.com/tylerlong/ringcentral-permissions-experiments/blob/714b2fca4a1e2d3a4f41a69e420be5f04afe2c2d/test/create-contact/README.md",
    format: "node-sdk-response-dump",
    text: "{\n\"data\": {\n  \"errorCode\": \"CMN-419\",\n  \"message\": \"In order to call this API endpoint for another extension, user needs to have [EditPersonalContacts] permission granted with extended scope\",\n  \"errors\": [\n    {\n      \"errorCode\": \"CMN-419\",\n      \"message\": \"In order to call this API endpoint for another extension, user needs to have [EditPersonalContacts] permission granted with extended scope\",\n      \"permissionsName\": \"EditPersonalContacts\"\n    }\n  ],\n  \"permissionsName\": \"EditPersonalContacts\"\n}",
    expected: { code: "CMN-419", id: "extended-scope-permission-required", permission: "EditPersonalContacts", newEntry: true },
  },
  // source: https://github.com/tylerlong/ringcentral-permissions-experiments/blob/84db4af2a7d6e307e18a406a751831cd0c7ec1a1/test/send-message-on-behalf-of-another/README.md
  // note: top-level errorCode FeatureNotAvailable; sending SMS from a number of another extension, even as super admin
  {
    source: "https://github.com/tylerlong/ringcentral-permissions-experiments/blob/84db4af2a7d6e307e18a406a751831cd0c7ec1a1/test/send-message-on-behalf-of-another/README.md",
    format: "node-sdk-response-dump",
    text: "{\n      \"data\": {\n        \"errorCode\": \"FeatureNotAvailable\",\n        \"message\": \"Phone number doesn't belong to extension\",\n        \"errors\": [\n          {\n            \"errorCode\": \"MSG-304\",\n            \"message\": \"Phone number doesn't belong to extension\"\n          }\n        ]\n      },\n      \"status\": 403,\n      \"statusText\": \"Forbidden\",",
    expected: { code: "MSG-304", id: "phone-number-not-owned", newEntry: true },
  },
  // source: https://whosebug.com/question/4148760/RingCentral-Update-Extension-API-Error-EXT-413-Credentials-changing-is-not-allowed
  // note: mirror of a Stack Overflow question; JS SDK error object with status/statusText/url/message/originalRequest/rcRequestId; cause = SSO account, password managed by the IdP
  {
    source: "https://whosebug.com/question/4148760/RingCentral-Update-Extension-API-Error-EXT-413-Credentials-changing-is-not-allowed",
    format: "node-sdk-error-json",
    text: "{\n\"status\":400,\n\"statusText\":\"Bad Request\",\n\"url\":\"https://platform.ringcentral.com/restapi/v1.0/account/~/extension/11111111\",\n\"message\":{\n\"errorCode\":\"EXT-413\",\n\"message\":\"Credentials changing is not allowed\",\n\"errors\":[\n{\n\"errorCode\":\"EXT-413\",\n\"message\":\"Credentials changing is not allowed\"\n}\n]\n},\n\"originalRequest\":{\n\"method\":\"PUT\",\n\"path\":\"/restapi/v1.0/account/~/extension/11111111\"\n},\n\"rcRequestId\":[\n\"11112222-3333-4444-5555-666677778888\"\n]\n}",
    expected: { code: "EXT-413", id: "credentials-change-not-allowed", newEntry: true },
  },
  // source: https://github.com/tylerlong/bot_creation_delay/blob/0989855e77f26c6fbbfb18ed61658dd051fd89d2/README.md
  // note: ringcentral-js-concise error (status line + raw JSON body) after util.inspect output; a SUB-4xx is an access problem of the subscribing user/bot (here: bot extension not provisioned yet), NOT the webhook server
  {
    source: "https://github.com/tylerlong/bot_creation_delay/blob/0989855e77f26c6fbbfb18ed61658dd051fd89d2/README.md",
    format: "node-unhandled-rejection",
    text: "(node:34411) UnhandledPromiseRejectionWarning: Error: 403 Forbidden\n{\"errorCode\":\"SUB-406\",\"message\":\"Not allowed subscribe for events to extensions of other account\",\"errors\":[{\"errorCode\":\"SUB-406\",\"message\":\"Not allowed subscribe for events to extensions of other account\"}]}\n    at Function._axios.request (/Users/tyler.liu/src/bots/bot_creation_delay/node_modules/ringcentral-js-concise/dist/webpack:/RingCentral/src/ringcentral.js:41:1)\n    at process._tickCallback (internal/process/next_tick.js:68:7)",
    expected: { code: "SUB-406", id: "subscription-not-allowed", newEntry: true },
  },
  // source: https://github.com/grokify/ringcentral-sdk-ruby/issues/68
  // note: the Ruby SDK's own retry middleware logs this on a 429; no body shown
  {
    source: "https://github.com/grokify/ringcentral-sdk-ruby/issues/68",
    format: "ruby-log",
    text: "W, [2017-06-12T09:48:34.397029 #25438]  WARN -- : You have been rate limited. Retrying in 60 seconds...\nW, [2017-06-12T09:48:35.397205 #25438]  WARN -- : 60...\nW, [2017-06-12T09:48:40.398032 #25438]  WARN -- : 55...",
    expected: { code: null, id: "rate-limited" },
  },
  // source: https://github.com/ringcentral/ringcentral-js/issues/101
  // note: message only; "Resource for parameter [X] is not found" is CMN-102 (here: the subscription expired or was deleted, so renewing it by id fails)
  {
    source: "https://github.com/ringcentral/ringcentral-js/issues/101",
    format: "node-unhandled-rejection",
    text: "(node:27618) UnhandledPromiseRejectionWarning: Error: Resource for parameter [subscriptionId] is not found\n    at Client.<anonymous> (/home/dev/node_modules/ringcentral/src/http/Client.js:62:38)\n    at <anonymous>\n    at process._tickCallback (internal/process/next_tick.js:188:7)",
    expected: { code: "CMN-102", id: "resource-id-not-found", newEntry: true },
  },
  // source: https://github.com/ringcentral/ringcentral-php/issues/40
  // note: PHP SDK refresh() a day after sign-in; SDK-side check
  {
    source: "https://github.com/ringcentral/ringcentral-php/issues/40",
    format: "message-only",
    text: "When I try to refresh the token, I get an error \"Refresh Token has Expired\".",
    expected: { code: null, id: "sdk-refresh-token-expired", newEntry: true },
  },
  // source: https://github.com/ringcentral/ringcentral-python/issues/24
  // note: Python SDK prints str(e) at platform.login(); SDK-side message
  {
    source: "https://github.com/ringcentral/ringcentral-python/issues/24",
    format: "python-message",
    text: "It is throwing \"Refresh Token has expired at patform.login()",
    expected: { code: null, id: "sdk-refresh-token-expired", newEntry: true },
  },
  // source: https://github.com/ringcentral/RingCentral.Net/issues/4
  // note: subscription to telephony/sessions; wording differs from CMN-401 ("Required application permission [X] is missing")
  {
    source: "https://github.com/ringcentral/RingCentral.Net/issues/4",
    format: "message-only",
    text: "keep getting an error that says \"Required application permission [TelephonySessions] is missing.\"",
    expected: { code: null, id: "app-permission-missing", permission: "TelephonySessions" },
  },
  // source: https://github.com/ringcentral/ringcentral-js/issues/115
  // note: password login from Node; the reporter saw no encoded client_id:client_secret in the Authorization header (the code passes lower-case clientid/clientsecret options)
  {
    source: "https://github.com/ringcentral/ringcentral-js/issues/115",
    format: "message-only",
    text: "Sorry, this is the correct error I'm getting.  Basic authentication header is missing or malformed",
    expected: { code: null, id: "client-authentication-required" },
  },
  // source: https://github.com/ringcentral/ringcentral-embeddable/issues/97
  // note: returned on the authorize/token step; the user's role (here a free developer account on production) lacks Third Party Apps Access
  {
    source: "https://github.com/ringcentral/ringcentral-embeddable/issues/97",
    format: "json",
    text: "{\n  \"error\" : \"invalid_client\",\n  \"error_description\" : \"[ThirdPartyAppAccess] permission required\",\n  \"errors\" : [ {\n    \"errorCode\" : \"CMN-408\",\n    \"message\" : \"[ThirdPartyAppAccess] permission required\",\n    \"parameters\" : [ {\n      \"parameterName\" : \"permissionName\",\n      \"parameterValue\" : \"ThirdPartyAppAccess\"\n    } ]\n  } ]\n}",
    expected: { code: "CMN-408", id: "user-role-lacks-permission", permission: "ThirdPartyAppAccess" },
  },
  // source: https://github.com/ringcentral/ringcentral-php/issues/8
  // note: old PHP SDK: SDK-side "Refresh token has expired" followed by the server's invalid_client "Bad Application Release Status: Blocked" in print_r form; the server error is the one to explain (app not usable in this environment; OAU-127 "Invalid application release." is the coded form)
  {
    source: "https://github.com/ringcentral/ringcentral-php/issues/8",
    format: "php-sdk-print_r",
    text: "xception: Refresh token has expired Exception: Bad Application Release Status: Blocked SDK HTTP Error: Bad Application Release Status: Blocked at https://platform.devtest.ringcentral.com/restapi/oauth/token stdClass Object ( [error] => invalid_client [error_description] => Bad Application Release Status: Blocked ) Previous: Response has unsuccessful status #0 /home/dashboardrmonnet/public_html/test/rc/lib/platform/Platform.php(238): RingCentral\\http\\Request->send() #1 /home/dashboardrmonnet/public_html/test/rc/lib/platform/Platform.php(145): RingCentral\\platform\\Platform->authCall(Object(RingCentral\\http\\Request))",
    expected: { code: null, id: "app-release-invalid", newEntry: true },
  },
  // source: https://github.com/ringcentral/ringcentral-js/issues/91
  {
    source: "https://github.com/ringcentral/ringcentral-js/issues/91",
    format: "message-only",
    text: "Getting Http 400(Bad Request) - Unauthorized for this grant type",
    expected: { code: "OAU-251", id: "grant-type-not-enabled" },
  },
  // source: https://github.com/ringcentral/ringcentral-api-docs/issues/14
  // note: webhook subscription with expiresIn 0
  {
    source: "https://github.com/ringcentral/ringcentral-api-docs/issues/14",
    format: "json",
    text: "{\n  \"errorCode\": \"InvalidParameter\",\n  \"message\": \"Parameter [expiresIn] value is invalid\",\n  \"errors\": [\n    {\n      \"errorCode\": \"CMN-101\",\n      \"message\": \"Parameter [expiresIn] value is invalid\",\n      \"parameterName\": \"expiresIn\"\n    }\n  ],\n  \"parameterName\": \"expiresIn\"\n}",
    expected: { code: "CMN-101", id: "invalid-parameter" },
  },
  // source: https://forums.developers.ringcentral.com/articles/117332/help-debugging-a-cmn-101-error.html
  {
    source: "https://forums.developers.ringcentral.com/articles/117332/help-debugging-a-cmn-101-error.html",
    format: "json",
    text: " {\n     \"errorCode\": \"InvalidParameter\", \n     \"message\": \"Parameter [uri] value is invalid.\", \n     \"errors\": [ \n         { \"errorCode\": \"CMN-101\", \n           \"message\": \"Parameter [uri] value is invalid.\", \n           \"parameterName\": \"uri\" } \n     ], \n     \"parameterName\": \"uri\" \n }",
    expected: { code: "CMN-101", id: "invalid-parameter" },
  },
  // source: https://ringcentral-faq.readthedocs.io/en/latest/webhooks/
  // note: FAQ: when the parameter is deliveryMode.address, CMN-101 means RingCentral could not validate the webhook URL (timeout, no Validation-Token echo, TLS) – the developer's webhook server, not the editor
  {
    source: "https://ringcentral-faq.readthedocs.io/en/latest/webhooks/",
    format: "message-only",
    text: "How can I resolve the \"Parameter [deliveryMode.address] value is invalid\" error when creating a webhook?",
    expected: { code: "CMN-101", id: "webhook-server-invalid", newEntry: true },
  },
  // source: https://github.com/ringcentral/ringcentral-embeddable-electron-app/issues/99
  // note: added in review. The Embeddable desktop app's own words after sign-in; the maintainer's answer: the user's role needs "Third Party Apps" (a user-role fix, not an app setting)
  {
    source: "https://github.com/ringcentral/ringcentral-embeddable-electron-app/issues/99",
    format: "browser-page",
    text: "Warning\nSorry, you currently don't have permission to access this service. Contact your administrator to change permissions.",
    expected: { code: null, id: "user-role-lacks-permission" },
  },
  // source: https://github.com/ringcentral/RingCentral.Net/issues/10
  // note: RingCentral.Net bug masks the real (wrong-password) response: nothing RingCentral-specific can be read; the parser must not crash and must not invent a code
  {
    source: "https://github.com/ringcentral/RingCentral.Net/issues/10",
    format: "csharp-restexception-stack",
    text: "Cannot access a disposed object.\nObject name: 'System.Net.Http.FormUrlEncodedContent'.\n\nStack Trace: \n   at System.Net.Http.HttpContent.CheckDisposed()\n   at System.Net.Http.HttpContent.ReadAsStringAsync()\n   at RingCentral.Utils.FormatHttpMessage(HttpResponseMessage httpResponseMessage, HttpRequestMessage httpRequestMessage)\n   at RingCentral.RestException..ctor(HttpResponseMessage httpResponseMessage, HttpRequestMessage httpRequestMessage)\n   at RingCentral.RestClient.<Request>d__30.MoveNext()",
    expected: { code: null, id: "unknown-error" },
  },
  // source: https://github.com/ringcentral/ringcentral-python/issues/88
  // note: ringcentral-python < 0.9.1 crashes while building the error for a non-JSON 429/401 body; the real status is lost – parser must not invent a code (fixed in 0.9.1)
  {
    source: "https://github.com/ringcentral/ringcentral-python/issues/88",
    format: "python-traceback",
    text: "`message = message + ' (and additional error happened during JSON parse: ' + e.message + ')'\nAttributeError: 'Exception' object has no attribute 'message'\n`",
    expected: { code: null, id: "unknown-error" },
  },
];
