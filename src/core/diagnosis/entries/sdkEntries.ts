// Errors RingCentral's SDKs throw themselves, before any request (JS Platform.ts, PHP Platform.php,
// Python platform.py): the stored refresh token has expired, or there is none.
import { docs } from '../developerConsole';
import { consoleFix, docsFix, signInFix, type KnowledgeEntry } from '../entryKit';

const STORE =
  'Store the WHOLE token response every time (access_token, refresh_token, expires_in, refresh_token_expires_in) and replace the old one: refresh tokens rotate, each works once.';

export const sdkRefreshTokenExpired: KnowledgeEntry = {
  id: 'sdk-refresh-token-expired',
  messages: ['refresh token has expired', 'refresh token is expired'],
  explain: () => ({
    summary: 'Your SDK refused to refresh: the stored refresh token is past its lifetime. No request was sent.',
    causes: [
      [
        80,
        'Refresh tokens live 7 days by default (refresh_token_expires_in = 604800). The program did not refresh within that time, e.g. it was stopped for a week.',
      ],
      [65, `The stored token data is stale: a newer refresh token replaced it (rotation) but was not saved. ${STORE}`],
      [40, "The computer's clock was wrong when the token was saved or checked."],
    ],
    fixes: [
      [90, signInFix('Sign in again (or, server-side, exchange the JWT credential again) to get a new refresh token.')],
      [70, { label: 'Refresh at least once a week and store each new pair', detail: STORE }],
      [40, docsFix(docs.refreshTokens, 'Read about refresh tokens')],
    ],
  }),
};

export const sdkRefreshTokenMissing: KnowledgeEntry = {
  id: 'sdk-refresh-token-missing',
  messages: ['refresh token is missing', 'no refresh token'],
  explain: ({ context: ctx }) => ({
    summary: 'Your SDK has no refresh token to use, so it cannot refresh. No request was sent.',
    causes: [
      [
        75,
        'Nobody signed in yet in this process, or the saved token data was not loaded into the SDK before the call.',
      ],
      [
        70,
        'The app does not issue refresh tokens: the "Issue refresh tokens?" setting (Settings → Auth) is off by default, so the token response has no refresh_token.',
      ],
      [45, `The code saved only the access token. ${STORE}`],
    ],
    fixes: [
      [90, signInFix('Sign in first; then the SDK holds a refresh token.')],
      [
        75,
        consoleFix(
          ctx,
          'Turn on "Issue refresh tokens?"',
          'Developer Console → your app → Settings → Auth → "Issue refresh tokens?" → Yes, then sign in again.',
        ),
      ],
      [40, docsFix(docs.refreshTokens, 'Read about refresh tokens')],
    ],
  }),
};

export const sdkEntries: KnowledgeEntry[] = [sdkRefreshTokenExpired, sdkRefreshTokenMissing];
