// Account, extension and login-state problems. RingCentral lists these codes with little or no
// explanation; messages quoted here come from RingCentral's public error table (guide/basics/errors)
// and, for OAU-222 / 232 / 236, from RingCentral's own web widgets library. Codes with no known message
// (OAU-118, 163) get the family's generic entry. OAU-164 and OAU-347 have their own (appRestrictionEntries).
import { docs } from '../developerConsole';
import { docsFix, signInFix, supportFix, traceFix, type EntryResult, type KnowledgeEntry } from '../entryKit';

const adminFix = {
  label: 'Ask the account administrator',
  detail: "In the RingCentral Admin Portal, the user's status, type and role decide whether they may sign in to apps.",
};

export const loginNotAllowedForUser: KnowledgeEntry = {
  id: 'login-not-allowed-for-user',
  codes: ['OAU-105', 'OAU-119'],
  messages: ['extension is not allowed', 'international virtual number cannot be used to login'],
  explain: ({ code }): EntryResult => ({
    summary: 'This user or number cannot be used to sign in to apps.',
    causes: [
      code !== 'OAU-119' && [
        70,
        'The extension signed in with is of a type that may not sign in to apps (for example a department, call queue, IVR menu or limited extension). Sign in as a regular user.',
      ],
      code !== 'OAU-105' && [
        code === 'OAU-119' ? 80 : 50,
        "An international virtual number cannot be used to sign in; sign in with the main company number and extension, or the user's email.",
      ],
    ],
    fixes: [
      [
        90,
        signInFix(
          'Sign in as a regular user (with their email, or the main number and extension).',
          'Sign in as another user',
        ),
      ],
      [50, adminFix],
    ],
  }),
};

export const accountOrExtensionDisabled: KnowledgeEntry = {
  id: 'account-or-extension-disabled',
  codes: ['OAU-141', 'OAU-142', 'OAU-236'],
  messages: [
    'login for extension in current state is not allowed',
    'login to account in current state is not allowed',
    'disabled or frozen',
  ],
  explain: ({ code }): EntryResult => ({
    summary:
      code === 'OAU-142'
        ? 'The RingCentral account is in a state that does not allow sign-in.'
        : "The user's extension is in a state that does not allow sign-in.",
    causes: [
      [
        code === 'OAU-142' ? 50 : 70,
        "The user's extension is disabled, frozen, not yet activated, or being set up; only an enabled extension can sign in.",
      ],
      [
        code === 'OAU-142' ? 75 : 45,
        'The account itself is not active: still being set up, suspended, closed, or (for developer accounts) not fully provisioned.',
      ],
    ],
    fixes: [
      [90, adminFix],
      [70, signInFix('Once the account or extension is active, sign in again; or sign in as another user.')],
      [50, supportFix(code)],
    ],
  }),
};

export const accountOrExtensionNotFound: KnowledgeEntry = {
  id: 'account-or-extension-not-found',
  codes: ['OAU-136', 'OAU-222', 'OAU-232'],
  messages: ['extension not found', 'account does not exist'],
  explain: ({ code }): EntryResult => ({
    summary:
      code === 'OAU-222' ? 'RingCentral cannot find the account.' : "RingCentral cannot find the user's extension.",
    causes: [
      [70, 'The session belongs to an extension or account that was deleted, moved, or renumbered since signing in.'],
      [
        55,
        'The sign-in went to a different environment than the account lives in: production, sandbox and the partner platform (.biz) have separate accounts.',
      ],
      [40, 'A stored token or session from an old account was reused.'],
    ],
    fixes: [
      [90, signInFix('Sign in again with an existing user on the right server.')],
      [60, adminFix],
      [40, supportFix(code)],
    ],
  }),
};

export const accountLocked: KnowledgeEntry = {
  id: 'account-locked',
  codes: ['OAU-147', 'OAU-148'],
  messages: ['locked out due to multiple unsuccessful logon attempts'],
  explain: ({ code }): EntryResult => ({
    summary: 'The user is locked out after too many failed sign-in attempts.',
    causes: [
      [
        70,
        'Several wrong passwords in a row locked the user out (a script with a wrong password, or a person retrying).',
      ],
      code === 'OAU-148' && [
        80,
        "The account uses single sign-on: sign in through the company's identity provider instead of a RingCentral password.",
      ],
    ],
    fixes: [
      [
        90,
        {
          label: 'Wait, or ask an administrator to unlock the user',
          detail: 'Then sign in once, carefully; stop scripts that retry with a wrong password.',
        },
      ],
      [70, signInFix(code === 'OAU-148' ? 'Choose single sign-on on the RingCentral login page.' : undefined)],
      [40, docsFix(docs.jwtFlow, 'For scripts, use JWT instead of passwords')],
    ],
  }),
};

export const accountOrLoginState: KnowledgeEntry = {
  id: 'account-or-login-state',
  codes: ['OAU-118', 'OAU-163'],
  explain: ({ code, serverMessage }): EntryResult => ({
    summary: `RingCentral refused the sign-in because of the account, the extension or the login state${code ? ` (${code})` : ''}.`,
    causes: [
      [
        60,
        `RingCentral lists ${code ?? 'this code'} among account, extension and login-state problems without publishing its exact meaning. Read the server message${
          serverMessage ? ` ("${serverMessage}")` : ''
        } for the detail.`,
      ],
      [
        50,
        "The user's extension or account is not in a state that allows this sign-in (disabled, not activated, restricted by an admin).",
      ],
      [
        40,
        'The session or login state is stale: an old session, a sign-in started long ago, or one made against another environment.',
      ],
    ],
    fixes: [
      [90, signInFix('A fresh sign-in clears a stale login state.')],
      [70, adminFix],
      [60, supportFix(code)],
      [40, traceFix],
    ],
  }),
};

export const accountEntries: KnowledgeEntry[] = [
  loginNotAllowedForUser,
  accountOrExtensionDisabled,
  accountOrExtensionNotFound,
  accountLocked,
  accountOrLoginState,
];
