// Refresh and access tokens: OAU-210, 211, 213, 128, 129/149/TokenInvalid (grant types are in ./tokenEntries).
import { docs } from '../developerConsole';
import { consoleFix, docsFix, isJwt, signInFix, traceFix, type KnowledgeEntry } from '../entryKit';

const ROTATION =
  'A refresh token works once: each refresh returns a new refresh token that must replace the old one. The old access token stops at once, and the old refresh token dies about 10 s after the new access token is first used.';

export const refreshTokenExpired: KnowledgeEntry = {
  id: 'refresh-token-expired',
  codes: ['OAU-210'],
  compatibleErrors: ['invalid_grant'],
  messages: ['token expired', 'refresh token expired', 'refresh token is expired'],
  explain: ({ context: ctx }) => ({
    summary: isJwt(ctx)
      ? 'The JWT credential (or the token it was exchanged for) has expired.'
      : 'The refresh token has expired, so the session cannot be renewed without signing in again.',
    causes: [
      [
        70,
        'Refresh tokens live 7 days by default (refresh_token_expires_in in the token response). The session was not refreshed within that time, for example because the editor was closed.',
      ],
      isJwt(ctx) && [
        85,
        'A JWT credential can have an expiry date set in the Developer Console; create a new one once it has passed.',
      ],
      [40, "The machine's clock was far off when the expiry was checked, so the token was used later than it seemed."],
    ],
    fixes: [
      [90, signInFix('A new sign-in starts a new session with a fresh refresh token.')],
      isJwt(ctx) && [80, consoleFix(ctx, 'Create a new JWT credential', 'Developer Console → Credentials → JWT.')],
      [40, docsFix(docs.refreshTokens, 'Read about refresh tokens')],
    ],
  }),
};

export const refreshTokenRevoked: KnowledgeEntry = {
  id: 'refresh-token-revoked',
  codes: ['OAU-211'],
  compatibleErrors: ['invalid_grant'],
  messages: ['token revoked', 'token was revoked', 'token has been revoked'],
  explain: () => ({
    summary: 'The session was revoked, so its refresh token no longer works.',
    causes: [
      [
        70,
        "The session was ended: signed out (revoke) here or by another tool that used the same token, the user's password changed, or an admin ended the user's sessions.",
      ],
      [
        55,
        'Too many sessions: a user usually has at most 5 parallel sessions per app, so signing in elsewhere can end an older one.',
      ],
    ],
    fixes: [[90, signInFix()]],
  }),
};

export const refreshTokenNotFound: KnowledgeEntry = {
  id: 'refresh-token-not-found',
  codes: ['OAU-213'],
  compatibleErrors: ['invalid_grant'],
  messages: ['token not found'],
  explain: () => ({
    summary: 'RingCentral no longer knows this refresh token: it was already used, or the session ended.',
    causes: [
      [
        70,
        `The refresh token was already used. ${ROTATION} Two processes refreshing with the same token, or code that does not save the new one, get this error.`,
      ],
      [55, 'The session was revoked or replaced: a user usually has at most 5 parallel sessions per app.'],
      [40, 'The token was cut off, or belongs to another server (production vs sandbox vs emulator).'],
    ],
    fixes: [
      [90, signInFix()],
      [
        50,
        docsFix(
          docs.refreshTokens,
          'Make refreshing single-flight',
          'In your own code: let one refresh run at a time and store the new refresh token before using the new access token.',
        ),
      ],
    ],
  }),
};

export const accessTokenExpired: KnowledgeEntry = {
  id: 'access-token-expired',
  codes: ['OAU-128'],
  errors: ['expired_token'],
  messages: ['access token expired', 'access token is expired', 'access token has expired'],
  explain: () => ({
    summary: 'The access token has expired; refresh it or sign in again.',
    causes: [
      [
        70,
        'Access tokens live about an hour (expires_in in the token response, 600–3600 s), and the call used one after that.',
      ],
      [55, 'The token was replaced by a refresh: after a refresh the old access token stops working at once.'],
      [35, "The machine's clock is off, so the check before the call thought the token was still valid."],
    ],
    fixes: [
      [
        90,
        {
          label: 'Refresh the token',
          detail:
            'Run "RingCentral: Refresh Token". In your own code, refresh shortly before expires_in runs out instead of waiting for a 401.',
        },
      ],
      [80, signInFix('If refreshing fails, sign in again.')],
    ],
  }),
};

export const accessTokenInvalid: KnowledgeEntry = {
  id: 'access-token-invalid',
  // AGW-402 "Invalid Authorization header": the API gateway could not use the Bearer token.
  codes: ['OAU-129', 'OAU-149', 'TokenInvalid', 'AGW-402'],
  messages: [
    'access token corrupted',
    'unparsable access token',
    'unparseable access token',
    'invalid access token',
    'oauth token is invalid',
  ],
  explain: () => ({
    summary: 'RingCentral could not read the access token sent with the request.',
    causes: [
      [
        70,
        'The header does not hold a whole access token. It must be `Authorization: Bearer <access_token>`, with one space after Bearer, no quotes, no line break, nothing cut off.',
      ],
      [55, 'Another token was sent in its place: the refresh token, an id_token or a JWT credential.'],
      [
        50,
        'The token comes from another server: a sandbox or emulator token sent to production (or the other way round) cannot be parsed.',
      ],
      [40, 'The token was revoked or its session ended.'],
    ],
    fixes: [
      [85, signInFix('A new sign-in gives a new, valid access token.')],
      [70, { ...traceFix, label: 'Open the trace and check the Authorization header' }],
    ],
  }),
};
