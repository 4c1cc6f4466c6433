// Real pastes (see ../realPastes.ts): A plain JSON error body or a fragment of one (`json`, `json-fragment`).
import type { RealPaste } from '../realPastes';

export const JSON_PASTES: RealPaste[] = [
  // source: https://github.com/ringcentral/ringcentral-php/issues/41
  // note: "while authorizing" (token endpoint); no URL in the paste so the token-endpoint meaning is the default
  {
    source: 'https://github.com/ringcentral/ringcentral-php/issues/41',
    format: 'json-fragment',
    text: ' "errorCode" : "OAU-123",\n "message" : "Authorization header is not specified"',
    expected: { code: 'OAU-123', id: 'client-authentication-required' },
  },
  // source: https://github.com/ringcentral/ringcentral-web-phone/issues/154
  {
    source: 'https://github.com/ringcentral/ringcentral-web-phone/issues/154',
    format: 'json',
    text: '{\n  "errorCode" : "InsufficientPermissions",\n  "message" : "In order to call this API endpoint, application needs to have [ReadAccounts] permission",\n  "errors" : [ {\n    "errorCode" : "CMN-401",\n    "message" : "In order to call this API endpoint, application needs to have [ReadAccounts] permission",\n    "permissionName" : "ReadAccounts"\n  } ],\n  "permissionName" : "ReadAccounts"\n}',
    expected: { code: 'CMN-401', id: 'app-permission-missing', permission: 'ReadAccounts' },
  },
  // source: https://github.com/ringcentral/ringcentral-embeddable/issues/591
  {
    source: 'https://github.com/ringcentral/ringcentral-embeddable/issues/591',
    format: 'json',
    text: '{\n  "errorCode" : "InsufficientPermissions",\n  "message" : "In order to call this API endpoint, application needs to have [Meetings] permission",\n  "errors" : [ {\n    "errorCode" : "CMN-401",\n    "message" : "In order to call this API endpoint, application needs to have [Meetings] permission",\n    "permissionName" : "Meetings"\n  } ],\n  "permissionName" : "Meetings"\n}',
    expected: { code: 'CMN-401', id: 'app-permission-missing', permission: 'Meetings' },
  },
  // source: https://github.com/ringcentral/ringcentral-web-phone/issues/116
  {
    source: 'https://github.com/ringcentral/ringcentral-web-phone/issues/116',
    format: 'json',
    text: 'Error: Unauthorized for this grant type\n\n{\n  "error" : "unauthorized_client",\n  "errors" : [ {\n    "errorCode" : "OAU-251",\n    "message" : "Unauthorized for this grant type"\n  } ],\n  "error_description" : "Unauthorized for this grant type"\n}',
    expected: { code: 'OAU-251', id: 'grant-type-not-enabled' },
  },
  // source: https://github.com/googleworkspace/apps-script-oauth2/issues/129
  {
    source: 'https://github.com/googleworkspace/apps-script-oauth2/issues/129',
    format: 'json',
    text: '{\n  "error" : "invalid_grant",\n  "error_description" : "Redirect URIs do not match",\n  "errors" : [ {\n    "errorCode" : "OAU-109",\n    "message" : "Redirect URIs do not match"\n  } ]\n}',
    expected: { code: 'OAU-109', id: 'redirect-uri-mismatch' },
  },
  // source: https://github.com/ringcentral/ringcentral-embeddable/issues/914
  // note: non-standard error=invalid_redirect_uri
  {
    source: 'https://github.com/ringcentral/ringcentral-embeddable/issues/914',
    format: 'json',
    text: '{\n  "error" : "invalid_redirect_uri",\n  "errors" : [ {\n    "errorCode" : "OAU-109",\n    "message" : "Redirect URIs do not match"\n  } ],\n  "error_description" : "Redirect URIs do not match"\n}',
    expected: { code: 'OAU-109', id: 'redirect-uri-mismatch' },
  },
  // source: https://community.ringcentral.com/developer-platform-apis-and-integrations-5/issue-with-oauth-flow-7609
  {
    source: 'https://community.ringcentral.com/developer-platform-apis-and-integrations-5/issue-with-oauth-flow-7609',
    format: 'json-fragment',
    text: 'errorCode" : "TokenInvalid", "message" : "Unparseable access token",',
    expected: { code: 'TokenInvalid', id: 'access-token-invalid' },
  },
  // source: https://community.ringcentral.com/articles/117372/my-access-token-expired-error-oau-210-what-do-i-do.html
  {
    source: 'https://community.ringcentral.com/articles/117372/my-access-token-expired-error-oau-210-what-do-i-do.html',
    format: 'json',
    text: ' { \n     "error": "invalid_grant", \n     "errors": [{ \n         "errorCode": "OAU-210", \n         "message": "Token expired" \n     }], \n     "error_description": "Token expired" \n }',
    expected: { code: 'OAU-210', id: 'refresh-token-expired' },
  },
  // source: https://community.ringcentral.com/questions/8088/getting-unauthorized-grant-type-exception-oau-250.html#answer
  {
    source:
      'https://community.ringcentral.com/questions/8088/getting-unauthorized-grant-type-exception-oau-250.html#answer',
    format: 'json',
    text: ' {\n     "error": "invalid_request",\n     "errors": [{\n         "errorCode": "OAU-250",\n         "message": "Unsupported grant type"\n     }],\n     "error_description": "Unsupported grant type"\n }',
    expected: { code: 'OAU-250', id: 'unsupported-grant-type' },
  },
  // source: https://stackoverflow.com/questions/49660367
  // note: real CMN-408 wording ("user needs to have [X] permission for requested resource") – must not be caught by CMN-401's pattern
  {
    source: 'https://stackoverflow.com/questions/49660367',
    format: 'json',
    text: 'GET /restapi/v1.0/account/{accountId}/extension/{extensionId}/forwarding-number\n\n{\n "errorCode" : "CMN-408",\n  "message" : "In order to call this API endpoint, user needs to have [ReadUserForwardingFlipNumbers] permission for requested resource.",\n  "errors" : [ {\n    "errorCode" : "CMN-408",\n    "message" : "In order to call this API endpoint, user needs to have [ReadUserForwardingFlipNumbers] permission for requested resource.",\n    "permissionName" : "ReadUserForwardingFlipNumbers"\n  } ],\n  "permissionName" : "ReadUserForwardingFlipNumbers"\n}',
    expected: { code: 'CMN-408', id: 'user-role-lacks-permission', permission: 'ReadUserForwardingFlipNumbers' },
  },
  // source: https://stackoverflow.com/questions/50978630
  {
    source: 'https://stackoverflow.com/questions/50978630',
    format: 'json',
    text: '{\n  "errorCode":"CMN-408",\n  "message":"In order to call this API endpoint, user needs to have [Meetings] permission for requested resource.",\n  "errors":[\n    {\n      "errorCode":"CMN-408",\n      "message":"In order to call this API endpoint, user needs to have [Meetings] permission for requested resource.",\n      "permissionName":"Meetings"\n    }\n  ],\n  "permissionName":"Meetings"\n}',
    expected: { code: 'CMN-408', id: 'user-role-lacks-permission', permission: 'Meetings' },
  },
  // source: https://stackoverflow.com/questions/51833563
  // note: on the OAuth flow: error=invalid_client, permission only in parameters[{parameterName:"permissionName", parameterValue}]
  {
    source: 'https://stackoverflow.com/questions/51833563',
    format: 'json',
    text: '{\n  "error" : "invalid_client",\n  "error_description" : "[ThirdPartyAppAccess] permission required",\n  "errors" : [ {\n    "errorCode" : "CMN-408",\n    "message" : "[ThirdPartyAppAccess] permission required",\n    "parameters" : [ {\n      "parameterName" : "permissionName",\n      "parameterValue" : "ThirdPartyAppAccess"\n    } ]\n  } ]\n}',
    expected: { code: 'CMN-408', id: 'user-role-lacks-permission', permission: 'ThirdPartyAppAccess' },
  },
  // source: https://community.ringcentral.com/articles/117292/help-resolving-issues-relating-to-the-redirect-uri.html
  {
    source: 'https://community.ringcentral.com/articles/117292/help-resolving-issues-relating-to-the-redirect-uri.html',
    format: 'json',
    text: ' {\n   "error": "invalid_client",\n   "errors": [ {\n       "errorCode": "OAU-113",\n       "message": "No redirect uri is registered for the client"\n   } ],\n   "error_description": "No redirect uri is registered for the client"\n }',
    expected: { code: 'OAU-113', id: 'redirect-uri-not-registered' },
  },
  // source: https://github.com/ringcentral/ringcentral-web-phone/issues/115
  {
    source: 'https://github.com/ringcentral/ringcentral-web-phone/issues/115',
    format: 'json',
    text: '{\n  "error" : "unauthorized_client",\n  "errors" : [ {\n    "errorCode" : "OAU-251",\n    "message" : "Unauthorized for this grant type"\n  } ],\n  "error_description" : "Unauthorized for this grant type"\n}',
    expected: { code: 'OAU-251', id: 'grant-type-not-enabled' },
  },
  // source: https://github.com/ringcentral/ringcentral-api-docs/blob/64067a50d93c3c8497f9631ae4c682bd9dc99f5e/docs/notifications/webhooks/creating-webhooks.md
  // note: as printed in the guide, with typographic quotes (“ ” ”) – a parser must not need straight quotes to find the code
  {
    source:
      'https://github.com/ringcentral/ringcentral-api-docs/blob/64067a50d93c3c8497f9631ae4c682bd9dc99f5e/docs/notifications/webhooks/creating-webhooks.md',
    format: 'json-fragment',
    text: '{“errorCode”: ”SUB-525", ”message”: ”WebHook server response is invalid”}',
    expected: { code: 'SUB-525', id: 'webhook-server-invalid', newEntry: true },
  },
  // source: https://github.com/ringcentral/ringcentral-api-docs/blob/64067a50d93c3c8497f9631ae4c682bd9dc99f5e/docs/voice/call-log/access.md
  {
    source:
      'https://github.com/ringcentral/ringcentral-api-docs/blob/64067a50d93c3c8497f9631ae4c682bd9dc99f5e/docs/voice/call-log/access.md',
    format: 'json',
    text: '{\n    "errorCode": "InsufficientPermissions",\n    "message": "In order to call this API endpoint, application needs to have [ReadCallRecording] permission",\n    "errors": [\n        {\n            "errorCode": "CMN-401",\n            "message": "In order to call this API endpoint, application needs to have [ReadCallRecording] permission",\n            "permissionName": "ReadCallRecording"\n        }\n    ],\n    "permissionName": "ReadCallRecording"\n}',
    expected: { code: 'CMN-401', id: 'app-permission-missing', permission: 'ReadCallRecording' },
  },
  // source: https://github.com/ringcentral/ringcentral-embeddable/issues/97
  // note: returned on the authorize/token step; the user's role (here a free developer account on production) lacks Third Party Apps Access
  {
    source: 'https://github.com/ringcentral/ringcentral-embeddable/issues/97',
    format: 'json',
    text: '{\n  "error" : "invalid_client",\n  "error_description" : "[ThirdPartyAppAccess] permission required",\n  "errors" : [ {\n    "errorCode" : "CMN-408",\n    "message" : "[ThirdPartyAppAccess] permission required",\n    "parameters" : [ {\n      "parameterName" : "permissionName",\n      "parameterValue" : "ThirdPartyAppAccess"\n    } ]\n  } ]\n}',
    expected: { code: 'CMN-408', id: 'user-role-lacks-permission', permission: 'ThirdPartyAppAccess' },
  },
  // source: https://github.com/ringcentral/ringcentral-api-docs/issues/14
  // note: webhook subscription with expiresIn 0
  {
    source: 'https://github.com/ringcentral/ringcentral-api-docs/issues/14',
    format: 'json',
    text: '{\n  "errorCode": "InvalidParameter",\n  "message": "Parameter [expiresIn] value is invalid",\n  "errors": [\n    {\n      "errorCode": "CMN-101",\n      "message": "Parameter [expiresIn] value is invalid",\n      "parameterName": "expiresIn"\n    }\n  ],\n  "parameterName": "expiresIn"\n}',
    expected: { code: 'CMN-101', id: 'invalid-parameter' },
  },
  // source: https://forums.developers.ringcentral.com/articles/117332/help-debugging-a-cmn-101-error.html
  {
    source: 'https://forums.developers.ringcentral.com/articles/117332/help-debugging-a-cmn-101-error.html',
    format: 'json',
    text: ' {\n     "errorCode": "InvalidParameter", \n     "message": "Parameter [uri] value is invalid.", \n     "errors": [ \n         { "errorCode": "CMN-101", \n           "message": "Parameter [uri] value is invalid.", \n           "parameterName": "uri" } \n     ], \n     "parameterName": "uri" \n }',
    expected: { code: 'CMN-101', id: 'invalid-parameter' },
  },
];
