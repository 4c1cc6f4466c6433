// Real pastes (see ../realPastes.ts): From a browser (page, console, network log, callback URL) or raw HTTP (curl, a status line with its body).
import type { RealPaste } from '../realPastes';

export const BROWSER_AND_HTTP_PASTES: RealPaste[] = [
  // source: https://github.com/ringcentral/ringcentral-api-docs/pull/33
  {
    source: 'https://github.com/ringcentral/ringcentral-api-docs/pull/33',
    format: 'curl',
    text: '$ curl \'https://platform.devtest.ringcentral.com/restapi/oauth/token\' \\\n>     -X POST \\\n>     --header \'Content-Type: application/x-www-form-urlencoded\' \\\n>     -d \'grant_type=authorization_code&code=<redacted>&redirect_uri=http://localhost:5000/oauth\'\n{\n  "error" : "invalid_client",\n  "error_description" : "Client authentication is required",\n  "errors" : [ {\n    "errorCode" : "OAU-123",\n    "message" : "Client authentication is required"\n  } ]\n}',
    expected: { code: 'OAU-123', id: 'client-authentication-required' },
  },
  // source: https://github.com/ringcentral/ringcentral-embeddable/issues/620
  {
    source: 'https://github.com/ringcentral/ringcentral-embeddable/issues/620',
    format: 'browser-network-log',
    text: 'Request URL: https://platform.ringcentral.com/restapi/v1.0/glip/persons/<snipped_id>\n\n{\n  "errorCode" : "InsufficientPermissions",\n  "message" : "In order to call this API endpoint, application needs to have [TeamMessaging] permission",\n  "errors" : [ {\n    "errorCode" : "CMN-401",\n    "message" : "In order to call this API endpoint, application needs to have [TeamMessaging] permission",\n    "permissionName" : "TeamMessaging"\n  } ],\n  "permissionName" : "TeamMessaging"\n}',
    expected: { code: 'CMN-401', id: 'app-permission-missing', permission: 'TeamMessaging' },
  },
  // source: https://github.com/ringcentral/ringcentral-js/issues/54
  // note: implicit grant not enabled; the message names [IMPLICIT]
  {
    source: 'https://github.com/ringcentral/ringcentral-js/issues/54',
    format: 'callback-url-fragment',
    text: 'http://localhost:8888/#error=unauthorized_client&error_description=The+client+is+unauthorized+for+the+required+grant+type:+%5BIMPLICIT%5D',
    expected: { code: 'OAU-112', id: 'grant-type-not-enabled' },
  },
  // source: https://github.com/ringcentral/ringcentral-js/issues/144
  // note: React dev overlay text thrown by SDK parseLoginRedirect
  {
    source: 'https://github.com/ringcentral/ringcentral-js/issues/144',
    format: 'browser-page',
    text: 'Unhandled Rejection (Error): The client is unauthorized for the required grant type: [IMPLICIT]',
    expected: { code: 'OAU-112', id: 'grant-type-not-enabled' },
  },
  // source: https://github.com/ringcentral/ringcentral-js/issues/100
  // note: thrown by the JS SDK before any request
  {
    source: 'https://github.com/ringcentral/ringcentral-js/issues/100',
    format: 'browser-console',
    text: 'login.html:148 Error: Refresh token is missing\n    at Platform.<anonymous> (Platform.js:402)',
    expected: { code: null, id: 'sdk-refresh-token-missing', newEntry: true },
  },
  // source: https://stackoverflow.com/questions/47692828/ringcentral-auth-token-failed-in-curl-call-unauthorized-for-this-grant-type
  // note: curl password grant on an app without Password flow
  {
    source:
      'https://stackoverflow.com/questions/47692828/ringcentral-auth-token-failed-in-curl-call-unauthorized-for-this-grant-type',
    format: 'http-status-and-json',
    text: '400 Bad Request\n\n{\n    "error": "unauthorized_client",\n    "error_description": "Unauthorized for this grant type",\n    "errors": [\n        {\n            "errorCode": "OAU-251",\n            "message": "Unauthorized for this grant type"\n        }\n    ]\n}',
    expected: { code: 'OAU-251', id: 'grant-type-not-enabled' },
  },
  // source: https://github.com/ringcentral/ringcentral-api-docs/blob/64067a50d93c3c8497f9631ae4c682bd9dc99f5e/docs/notifications/webhooks/configuring-tls-ssl.md
  // note: developer guide troubleshooting: webhook server does not send its intermediate CA certificates
  {
    source:
      'https://github.com/ringcentral/ringcentral-api-docs/blob/64067a50d93c3c8497f9631ae4c682bd9dc99f5e/docs/notifications/webhooks/configuring-tls-ssl.md',
    format: 'http-response',
    text: 'HTTP/1.1 400 Bad Request\nContent-Type: application/json;charset=utf-8\n\n{\n  "errorCode":"SUB-524",\n  "message":"HTTPS certificate is not valid",\n  "errors":[\n    {\n      "errorCode":"SUB-524",\n      "message":"HTTPS certificate is not valid"\n    }\n  ]\n}',
    expected: { code: 'SUB-524', id: 'webhook-server-invalid', newEntry: true },
  },
  // source: https://github.com/ringcentral/ringcentral-embeddable-electron-app/issues/99
  // note: added in review. The Embeddable desktop app's own words after sign-in; the maintainer's answer: the user's role needs "Third Party Apps" (a user-role fix, not an app setting)
  {
    source: 'https://github.com/ringcentral/ringcentral-embeddable-electron-app/issues/99',
    format: 'browser-page',
    text: "Warning\nSorry, you currently don't have permission to access this service. Contact your administrator to change permissions.",
    expected: { code: null, id: 'user-role-lacks-permission' },
  },
];
