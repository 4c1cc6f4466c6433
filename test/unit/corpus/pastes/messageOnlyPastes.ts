// Real pastes (see ../realPastes.ts): The message alone, or prose around it (`message-only`).
import type { RealPaste } from '../realPastes';

export const MESSAGE_ONLY_PASTES: RealPaste[] = [
  // source: https://github.com/ringcentral/ringcentral-embeddable/issues/23
  {
    source: 'https://github.com/ringcentral/ringcentral-embeddable/issues/23',
    format: 'message-only',
    text: 'unauthorized_client: The client is unauthorized for the required grant type: [IMPLICIT]',
    expected: { code: 'OAU-112', id: 'grant-type-not-enabled' },
  },
  // source: https://community.ringcentral.com/questions/8088/getting-unauthorized-grant-type-exception-oau-250.html
  {
    source: 'https://community.ringcentral.com/questions/8088/getting-unauthorized-grant-type-exception-oau-250.html',
    format: 'message-only',
    text: 'https://platform.devtest.ringcentral.com/restapi/oauth/token authentication api, getting:\n\n400 Bad Request with Unsupported grant type\n\n"errorCode" : "OAU-250", in response.. no Idea what\'s wrong this time',
    expected: { code: 'OAU-250', id: 'unsupported-grant-type' },
  },
  // source: https://community.ringcentral.com/questions/94694/getting-a-new-refresh-token-not-a-login-issue.html
  // note: PHP SDK (password flow) after two weeks away; SDK-side check, no request made
  {
    source: 'https://community.ringcentral.com/questions/94694/getting-a-new-refresh-token-not-a-login-issue.html',
    format: 'message-only',
    text: 'I am getting the " Refresh token has expired" error.',
    expected: { code: null, id: 'sdk-refresh-token-expired', newEntry: true },
  },
  // source: https://github.com/ringcentral/ringcentral-js/issues/75
  {
    source: 'https://github.com/ringcentral/ringcentral-js/issues/75',
    format: 'message-only',
    text: 'I get the error message `Unauthorized for this grant type`. Am i missing something?',
    expected: { code: 'OAU-251', id: 'grant-type-not-enabled' },
  },
  // source: https://github.com/ringcentral/ringcentral-api-docs/blob/64067a50d93c3c8497f9631ae4c682bd9dc99f5e/docs/voice/finding-active-calls.md
  // note: InsufficientPermissions with "[X] permission required" = user-role case (non-admin user), facts correction row
  {
    source:
      'https://github.com/ringcentral/ringcentral-api-docs/blob/64067a50d93c3c8497f9631ae4c682bd9dc99f5e/docs/voice/finding-active-calls.md',
    format: 'message-only',
    text: '"InsufficientPermissions" error: [ReadCompanyCallLog] permission required.',
    expected: { code: 'CMN-408', id: 'user-role-lacks-permission', permission: 'ReadCompanyCallLog' },
  },
  // source: https://github.com/ringcentral/ringcentral-php/issues/40
  // note: PHP SDK refresh() a day after sign-in; SDK-side check
  {
    source: 'https://github.com/ringcentral/ringcentral-php/issues/40',
    format: 'message-only',
    text: 'When I try to refresh the token, I get an error "Refresh Token has Expired".',
    expected: { code: null, id: 'sdk-refresh-token-expired', newEntry: true },
  },
  // source: https://github.com/ringcentral/RingCentral.Net/issues/4
  // note: subscription to telephony/sessions; wording differs from CMN-401 ("Required application permission [X] is missing")
  {
    source: 'https://github.com/ringcentral/RingCentral.Net/issues/4',
    format: 'message-only',
    text: 'keep getting an error that says "Required application permission [TelephonySessions] is missing."',
    expected: { code: null, id: 'app-permission-missing', permission: 'TelephonySessions' },
  },
  // source: https://github.com/ringcentral/ringcentral-js/issues/115
  // note: password login from Node; the reporter saw no encoded client_id:client_secret in the Authorization header (the code passes lower-case clientid/clientsecret options)
  {
    source: 'https://github.com/ringcentral/ringcentral-js/issues/115',
    format: 'message-only',
    text: "Sorry, this is the correct error I'm getting.  Basic authentication header is missing or malformed",
    expected: { code: null, id: 'client-authentication-required' },
  },
  // source: https://github.com/ringcentral/ringcentral-js/issues/91
  {
    source: 'https://github.com/ringcentral/ringcentral-js/issues/91',
    format: 'message-only',
    text: 'Getting Http 400(Bad Request) - Unauthorized for this grant type',
    expected: { code: 'OAU-251', id: 'grant-type-not-enabled' },
  },
  // source: https://ringcentral-faq.readthedocs.io/en/latest/webhooks/
  // note: FAQ: when the parameter is deliveryMode.address, CMN-101 means RingCentral could not validate the webhook URL (timeout, no Validation-Token echo, TLS) – the developer's webhook server, not the editor
  {
    source: 'https://ringcentral-faq.readthedocs.io/en/latest/webhooks/',
    format: 'message-only',
    text: 'How can I resolve the "Parameter [deliveryMode.address] value is invalid" error when creating a webhook?',
    expected: { code: 'CMN-101', id: 'webhook-server-invalid', newEntry: true },
  },
];
