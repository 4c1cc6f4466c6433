// Subscriptions (SUB-xxx). Two different kinds: RingCentral could not validate the developer's WEBHOOK
// SERVER (SUB-523/524/525, or CMN-101 on deliveryMode.address), which the editor has nothing to do with;
// and access problems of the subscribing user or app (SUB-4xx, SUB-528).
import { consoleFix, signInFix, traceFix, type KnowledgeEntry } from '../entryKit';

const WEBHOOK_DOCS = 'https://developers.ringcentral.com/guide/notifications/webhooks/creating-webhooks';

export const webhookServerInvalid: KnowledgeEntry = {
  id: 'webhook-server-invalid',
  codes: ['SUB-523', 'SUB-524', 'SUB-525'],
  messages: ['https certificate is not valid', 'webhook server response is invalid', 'https is required'],
  explain: ({ code }) => ({
    summary:
      'RingCentral could not validate your webhook server (the deliveryMode.address URL). The fault is in that server, not in the editor or your sign-in.',
    causes: [
      [
        code === 'SUB-524' ? 90 : 60,
        'TLS: the webhook URL must be HTTPS with a valid certificate from a public CA and the FULL chain (intermediate certificates included); self-signed or incomplete chains fail.',
      ],
      [
        code === 'SUB-525' ? 90 : 70,
        'Validation: when the subscription is created RingCentral POSTs to the URL with a `Validation-Token` header; the server must answer 200 with the same `Validation-Token` header, within 3 seconds, with a short (or empty) body.',
      ],
      code === 'SUB-523' && [90, 'The address is plain http://; webhooks need https://.'],
      [
        50,
        'The URL is not reachable from the internet (localhost, a private network, a firewall, or a tunnel that has stopped).',
      ],
    ],
    fixes: [
      [
        90,
        {
          label: 'Fix the webhook server, then create the subscription again',
          detail:
            'Serve the full certificate chain, echo Validation-Token in a 200 response within 3 s, and make the URL public.',
        },
      ],
      [60, { label: "Read RingCentral's webhook guide", action: { kind: 'openUrl', url: WEBHOOK_DOCS } }],
    ],
  }),
};

export const subscriptionNotAllowed: KnowledgeEntry = {
  id: 'subscription-not-allowed',
  codes: ['SUB-402', 'SUB-403', 'SUB-404', 'SUB-405', 'SUB-406', 'SUB-407', 'SUB-408', 'SUB-505'],
  messages: ['not allowed subscribe for events'],
  explain: ({ code }) => ({
    summary:
      'RingCentral did not allow this subscription for the signed-in user: an access or limit problem, not the webhook server.',
    causes: [
      [75, 'The event filters name another account or another extension than the signed-in user may watch.'],
      code === 'SUB-406' && [
        80,
        'A just-created bot or extension is not ready yet: wait a little and try again, as that extension.',
      ],
      code === 'SUB-505' && [80, 'A subscription limit was reached: delete subscriptions you no longer use.'],
      [45, 'The user is unknown to this account, or was signed in on another server.'],
    ],
    fixes: [
      [
        85,
        signInFix(
          'Subscribe as the extension whose events you want, or filter on its own events (`~`).',
          'Sign in as the right extension',
        ),
      ],
      [50, traceFix],
    ],
  }),
};

export const subscriptionPermissionMissing: KnowledgeEntry = {
  id: 'subscription-permission-missing',
  codes: ['SUB-528'],
  explain: ({ context: ctx }) => ({
    summary: 'The app lacks the permission for this kind of subscription (for example WebSocket subscriptions).',
    causes: [[80, 'Subscriptions by WebSocket or push need their own app permission; the app does not have it.']],
    fixes: [
      [
        90,
        consoleFix(
          ctx,
          'Add the subscription permission to the app',
          'Developer Console → your app → Settings → app permissions (e.g. "WebSocket Subscriptions"), save.',
        ),
      ],
      [80, signInFix('Then sign in again: the old token keeps the old scope.')],
    ],
    permissionFix: 'app',
  }),
};

export const webhookEntries: KnowledgeEntry[] = [
  webhookServerInvalid,
  subscriptionNotAllowed,
  subscriptionPermissionMissing,
];
