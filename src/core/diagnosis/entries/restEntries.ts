// REST API errors after sign-in: permissions (CMN-401 / InsufficientPermissions, CMN-408, CMN-402),
// CMN-405, and rate limits (CMN-301 / 302 / 303).
import { docs } from '../developerConsole';
import {
  bracketedName,
  configureAppFix,
  consoleFix,
  docsFix,
  phaseIs,
  signInFix,
  traceFix,
  type EntryInput,
  type KnowledgeEntry,
} from '../entryKit';

/** Seconds to wait when the server sent no Retry-After: the Auth group's penalty is 60 s. */
export const DEFAULT_RATE_LIMIT_WAIT = 60;

function permissionOf(input: EntryInput): string | undefined {
  return input.info?.permissionName ?? bracketedName(input.serverMessage);
}

export const appPermissionMissing: KnowledgeEntry = {
  id: 'app-permission-missing',
  codes: ['CMN-401', 'InsufficientPermissions'],
  errors: ['insufficient_scope'],
  messages: [
    'in order to call this api endpoint',
    'application needs to have',
    'specific application permission required',
    'required application permission [',
  ],
  explain: (input) => {
    const ctx = input.context;
    const p = permissionOf(input);
    const named = p ?? 'the required';
    return {
      summary: p
        ? `The app does not have the ${p} permission this API call needs.`
        : 'The app does not have the permission this API call needs.',
      causes: [
        [
          80,
          `Permissions are set on the app in the Developer Console (your app → Settings → app permissions / scopes), not in the request: the app lacks ${named} permission.`,
        ],
        [
          70,
          'The permission was added to the app after signing in: a token keeps the scope it was issued with (see scope in the token response), so sign in again after adding it.',
        ],
        [
          40,
          "The scope parameter of the sign-in does not add permissions; RingCentral takes them from the app's settings.",
        ],
      ],
      fixes: [
        [
          90,
          {
            label: p ? `Check the app for the ${p} permission` : "Check the app's permissions",
            detail: 'Compares the scope of the current token with what this call needs.',
            action: { kind: 'checkPermissions', permission: p },
          },
        ],
        [
          85,
          consoleFix(
            ctx,
            `Add ${p ?? 'the permission'} to the app`,
            'Developer Console → your app → Settings → app permissions: add it and save.',
          ),
        ],
        [80, signInFix('After adding the permission, sign in again: the old token keeps the old scope.')],
        [30, docsFix(docs.permissions, 'Read about app permissions')],
      ],
      permission: p,
      permissionFix: 'app',
    };
  },
};

export const userRoleLacksPermission: KnowledgeEntry = {
  id: 'user-role-lacks-permission',
  codes: ['CMN-408'],
  // CMN-408's real text starts like CMN-401's ("In order to call this API endpoint, user needs to have…"):
  // the longer pattern must win over CMN-401's "in order to call this api endpoint".
  // The last one is how RingCentral's Embeddable apps word it (ringcentral-embeddable-electron-app #99).
  messages: [
    'permission required',
    'in order to call this api endpoint, user needs to have',
    'user needs to have [',
    "don't have permission to access this service",
  ],
  explain: (input) => {
    const p = permissionOf(input);
    return {
      summary: p
        ? `The signed-in user's role does not grant the ${p} permission.`
        : "The signed-in user's role does not grant a permission this call needs.",
      causes: [
        [
          80,
          `The user's role in the RingCentral account lacks ${p ?? 'this permission'}. This is a user permission, not an app setting: the app may have it, but a call needs both the app permission and a user role that grants it.`,
        ],
        [50, 'The call acts on another user or the whole account, which needs an administrator role.'],
        (p === 'ThirdPartyAppAccess' || input.text.includes('access this service')) && [
          75,
          'Signing in to any third-party app needs the "Third Party Apps" user permission (ThirdPartyAppAccess) in the user\'s role.',
        ],
      ],
      fixes: [
        [
          90,
          {
            label: 'Ask an account administrator to change the role',
            detail: `In the RingCentral Admin Portal: Users → the user → Roles and Permissions, give a role that includes ${p ?? 'the permission'}.`,
          },
        ],
        [70, signInFix('Or sign in as a user whose role has it.', 'Sign in as another user')],
      ],
      permission: p,
      permissionFix: 'userRole',
    };
  },
};

export const adminPermissionRequired: KnowledgeEntry = {
  id: 'admin-permission-required',
  codes: ['CMN-402'],
  messages: ['administrator permission required'],
  explain: () => ({
    summary: 'This call needs a user with administrator rights.',
    causes: [[70, 'The signed-in user is not an account administrator; the call changes or reads account-wide data.']],
    fixes: [
      [90, signInFix('Sign in with a user who has an administrator role.', 'Sign in as an administrator')],
      [
        60,
        { label: 'Ask an account administrator', detail: 'They can give the user an admin role in the Admin Portal.' },
      ],
    ],
  }),
};

export const extensionLoginRequired: KnowledgeEntry = {
  id: 'extension-login-required',
  codes: ['CMN-405'],
  messages: ['login to extension required'],
  explain: () => ({
    summary: 'This API call needs a token signed in as a user (extension).',
    causes: [
      [
        70,
        'The request had no usable user session: the Authorization header is missing, or the token was revoked or expired.',
      ],
      [
        55,
        'The token is not bound to a user extension (for example an app-level token) while the endpoint works on behalf of a user (`~` means the signed-in user).',
      ],
    ],
    fixes: [
      [85, signInFix()],
      [60, { ...traceFix, label: 'Open the trace and check the Authorization header' }],
    ],
  }),
};

export const rateLimited: KnowledgeEntry = {
  id: 'rate-limited',
  answersStatuses: [429],
  // CMN-304 / CMN-310 (duplicate concurrent request / request in progress) belong to the same family.
  codes: ['CMN-301', 'CMN-302', 'CMN-303', 'CMN-304', 'CMN-310'],
  messages: ['request rate exceeded', 'rate limits undefined', 'you have been rate limited'],
  explain: (input) => {
    const ctx = input.context;
    const seconds = input.info?.retryAfterSeconds ?? DEFAULT_RATE_LIMIT_WAIT;
    const unknownApp =
      input.code === 'CMN-302' || input.code === 'CMN-303' || input.text.includes('rate limits undefined');
    const quoted =
      input.code === 'CMN-303'
        ? 'Can not resolve API plan. Rate limits undefined'
        : 'Unknown application. Rate limits undefined';
    const authCall =
      ctx.phase === undefined ||
      phaseIs(ctx, 'preflight', 'authorize', 'callback', 'token', 'refresh', 'revoke', 'jwt');
    return {
      summary: `Too many requests: wait ${seconds} s before trying again.`,
      causes: [
        unknownApp && [
          85,
          `RingCentral lists ${input.code ?? 'this error'} as "${quoted}": it could not tie the request to an app with a rate plan. Check the client id and the server.`,
        ],
        [
          authCall ? 75 : 45,
          'Sign-in endpoints (authorize, token, revoke, userinfo) form the "Auth" group: 5 requests per user per minute. Going over starts a 60 s penalty, and every request made during the penalty restarts it.',
        ],
        [
          authCall ? 45 : 75,
          'This API group allows a set number of requests per minute; the X-Rate-Limit-Group, -Limit, -Remaining and -Window headers in the trace show which.',
        ],
        [
          55,
          'Several processes sign in or refresh at the same time (a retry loop, parallel tests, many windows). Share one token and let one refresh run at a time.',
        ],
      ],
      fixes: [
        [
          90,
          {
            label: `Wait ${seconds} s, then try once`,
            detail: 'Send nothing meanwhile: each request during the penalty restarts it.',
            action: { kind: 'waitAndRetry', seconds },
          },
        ],
        unknownApp && [70, configureAppFix('Check the client id and server.')],
        [40, docsFix(docs.rateLimits, 'Read about rate limits')],
      ],
      retryAfterSeconds: seconds,
    };
  },
};

export const restEntries: KnowledgeEntry[] = [
  appPermissionMissing,
  userRoleLacksPermission,
  adminPermissionRequired,
  extensionLoginRequired,
  rateLimited,
];
