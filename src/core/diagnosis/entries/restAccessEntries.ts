// REST calls after sign-in whose meaning differs from the token endpoint's, and REST codes outside
// OAU/CMN-40x: OAU-123 / AGW-401 without a Bearer header, OAU-213 inside TokenInvalid, AGW-404, CMN-102,
// CMN-419 (another extension's data), MSG-304, EXT-413. Meanings from the facts file's corrections table.
import { docs } from '../developerConsole';
import {
  bracketedName,
  docsFix,
  signInFix,
  supportFix,
  traceFix,
  type EntryInput,
  type KnowledgeEntry,
} from '../entryKit';

function permissionOf(input: EntryInput): string | undefined {
  return input.info?.permissionName ?? bracketedName(input.serverMessage);
}

export const bearerHeaderMissing: KnowledgeEntry = {
  id: 'bearer-header-missing',
  codes: ['AGW-401'],
  explain: ({ code }) => ({
    summary:
      'The API call was sent without an access token: the `Authorization: Bearer <access_token>` header is missing.',
    causes: [
      [
        80,
        `On a REST call${code ? `, ${code}` : ''} "Authorization header is not specified" means no Bearer header reached RingCentral. It is about the access token, not the app's client id and secret.`,
      ],
      [
        65,
        'In your own code: the SDK was not signed in (or did not restore its saved token) before the call, or the token was dropped after a failed refresh.',
      ],
      [
        45,
        'A proxy, redirect or HTTP library removed the Authorization header (some drop it when following a redirect to another host).',
      ],
    ],
    fixes: [
      [
        90,
        {
          label: 'Send the access token',
          detail:
            'Every REST call needs `Authorization: Bearer <access_token>`; sign in (or load the stored token) before calling.',
        },
      ],
      [70, signInFix('In this extension, sign in again; it sends the header for you.')],
      [50, { ...traceFix, label: 'Open the trace and check the Authorization header' }],
    ],
  }),
};

export const accessTokenNotFound: KnowledgeEntry = {
  id: 'access-token-not-found',
  explain: () => ({
    summary:
      'RingCentral no longer knows this access token: it was revoked, replaced by a refresh, or its session ended.',
    causes: [
      [
        80,
        'On a REST call, OAU-213 "Token not found" inside a 401 TokenInvalid means the ACCESS token is gone (on the token endpoint the same code is about the refresh token).',
      ],
      [
        70,
        'The token was replaced: after a refresh the old access token stops at once; code that keeps using the old one gets this.',
      ],
      [
        55,
        'The session was revoked: signed out, the password or credentials changed, or too many parallel sessions for the user (about 5 per app).',
      ],
    ],
    fixes: [
      [
        90,
        {
          label: 'Refresh once, store the new pair, and retry',
          detail:
            'Run "RingCentral: Refresh Token". In your own code, always store the whole new token response after a refresh.',
        },
      ],
      [80, signInFix('If the refresh fails too, sign in again.')],
      [40, docsFix(docs.refreshTokens, 'Read about refresh tokens')],
    ],
  }),
};

export const apiResourceNotFound: KnowledgeEntry = {
  id: 'api-resource-not-found',
  codes: ['AGW-404'],
  explain: () => ({
    summary: "RingCentral's API gateway found no such resource: the path or the server is wrong.",
    causes: [
      [75, 'The path is misspelled, has the wrong API version, or uses a method the endpoint does not have.'],
      [
        60,
        'The call went to the wrong server: the base URL must be https://platform.ringcentral.com (or your partner platform), not the sign-in page or an old sandbox host.',
      ],
    ],
    fixes: [
      [80, { ...traceFix, label: 'Open the trace and check the URL and method' }],
      [40, docsFix(docs.errors, 'Compare with the API reference')],
    ],
  }),
};

export const resourceIdNotFound: KnowledgeEntry = {
  id: 'resource-id-not-found',
  codes: ['CMN-102'],
  messages: ['resource for parameter ['],
  explain: ({ serverMessage }) => {
    const name = bracketedName(serverMessage);
    return {
      summary: name
        ? `No resource exists for the ${name} in the request.`
        : 'The id in the request names a resource that does not exist.',
      causes: [
        [75, `The id${name ? ` (${name})` : ''} in the path does not exist any more, or never did in this account.`],
        name?.toLowerCase() === 'subscriptionid' && [
          85,
          'The subscription expired or was deleted, so renewing it by its old id fails. Create a new subscription instead.',
        ],
        [40, 'The id belongs to another account or server (production vs sandbox).'],
      ],
      fixes: [
        [
          80,
          {
            label: 'Create the resource again',
            detail: 'For subscriptions: create a new one and store its id; do not renew an id that expired.',
          },
        ],
        [50, traceFix],
      ],
    };
  },
};

export const extendedScopePermissionRequired: KnowledgeEntry = {
  id: 'extended-scope-permission-required',
  codes: ['CMN-419'],
  messages: ['permission granted with extended scope', 'for another extension, user needs to have'],
  explain: (input) => {
    const p = permissionOf(input);
    return {
      summary: `The call acts on ANOTHER extension's data, which needs ${p ?? 'a permission'} granted with extended (admin-level) scope.`,
      causes: [
        [
          80,
          `The signed-in user may have ${p ?? 'the permission'} for their own data only. Reading or changing another extension's data needs the permission with extended scope, which an admin role grants.`,
        ],
        [55, 'The request path names another extension id where `~` (the signed-in user) was meant.'],
      ],
      fixes: [
        [
          90,
          {
            label: 'Ask an admin for a role with extended scope',
            detail: `In the RingCentral admin portal: Users → the user → Roles and Permissions: a role that has ${p ?? 'the permission'} for other extensions (e.g. an admin role).`,
          },
        ],
        [70, signInFix('Or sign in as the extension that owns the data.', 'Sign in as that extension')],
      ],
      permission: p,
      permissionFix: 'userRole',
    };
  },
};

export const phoneNumberNotOwned: KnowledgeEntry = {
  id: 'phone-number-not-owned',
  codes: ['MSG-304'],
  messages: ["phone number doesn't belong to extension", 'phone number does not belong to extension'],
  explain: () => ({
    summary: 'The `from` phone number belongs to another extension; only its owner can send from it.',
    causes: [
      [
        80,
        'A message is sent from a number assigned to another extension. Even a super admin cannot send SMS from a number that is not theirs.',
      ],
      [45, 'The number is not SMS-enabled for this extension, or was reassigned.'],
    ],
    fixes: [
      [
        90,
        signInFix(
          'Sign in (or use the JWT credential) of the extension that owns the number.',
          "Sign in as the number's owner",
        ),
      ],
      [
        50,
        {
          label: "List the extension's own numbers",
          detail: 'GET /restapi/v1.0/account/~/extension/~/phone-number shows the numbers this user may send from.',
        },
      ],
    ],
  }),
};

export const credentialsChangeNotAllowed: KnowledgeEntry = {
  id: 'credentials-change-not-allowed',
  codes: ['EXT-413'],
  messages: ['credentials changing is not allowed'],
  explain: ({ code }) => ({
    summary: "The user's credentials cannot be changed through the API here.",
    causes: [
      [
        75,
        "The account uses single sign-on: passwords are managed by the company's identity provider, not by RingCentral.",
      ],
      [45, 'Only some fields may be updated for this extension (for example status or the IVR PIN), not the password.'],
    ],
    fixes: [
      [
        80,
        {
          label: 'Change the password in the identity provider',
          detail: 'Leave credential fields out of the update request.',
        },
      ],
      [40, supportFix(code ?? 'EXT-413')],
    ],
  }),
};

export const restAccessEntries: KnowledgeEntry[] = [
  bearerHeaderMissing,
  accessTokenNotFound,
  apiResourceNotFound,
  resourceIdNotFound,
  extendedScopePermissionRequired,
  phoneNumberNotOwned,
  credentialsChangeNotAllowed,
];
