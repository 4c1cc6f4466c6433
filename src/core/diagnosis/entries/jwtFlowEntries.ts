// The JWT flow's own words: OAU-140 (the credential was refused), OAU-347 (its signing algorithm), and the JWT
// half of OAU-251 (the app is not set up for JWT, or the credential may not be used with it). When the context
// carries what the local decode saw (context.jwtCredential), the cause it proves comes first.
import { docs, serverEnvironment } from '../developerConsole';
import {
  clientIdText,
  consoleFix,
  docsFix,
  isJwt,
  isPassword,
  serverText,
  signInFix,
  type KnowledgeEntry,
  type Ranked,
} from '../entryKit';
import type { DiagnosisContext, Fix } from '../types';

const CREDENTIALS_PATH = 'Developer Console → your name (top right) → Credentials';
const APP_AUTH_PATH = 'Developer Console → your app → Settings → Auth';
const PASSWORD_EOL =
  'The password grant is deprecated: RingCentral announced its end of life for 2024-03-31. Use JWT for server-side sign-in, or the authorization code flow with PKCE for users.';

/** The date as people read it in every time zone. */
function utcDate(epochMs: number): string {
  return Number.isFinite(epochMs) && Math.abs(epochMs) < 8.64e15
    ? `${new Date(epochMs).toISOString().slice(0, 16).replace('T', ' ')} UTC`
    : 'a date that cannot be shown';
}

function credentialForOtherServer(ctx: DiagnosisContext): string | undefined {
  const named = ctx.jwtCredential?.audienceServer;
  if (!named || !ctx.server) return undefined;
  const here = serverEnvironment(ctx.server);
  const there = serverEnvironment(named);
  return here !== there ? named : undefined;
}

export function newCredentialFix(ctx: DiagnosisContext, label = 'Create a new JWT credential'): Fix {
  return consoleFix(
    ctx,
    label,
    `${CREDENTIALS_PATH} → Create JWT: allow this app (or all apps), choose no expiry or a date, copy it whole, and paste it again.`,
  );
}

const allowedAppsFix = (ctx: DiagnosisContext): Fix =>
  consoleFix(
    ctx,
    "Check the credential's allowed apps",
    `${CREDENTIALS_PATH}: a credential can be restricted to chosen apps; ${clientIdText(ctx)} must be one of them (or the credential allows all apps).`,
  );

const jwtFlowDocs: Fix = docsFix(docs.jwtFlow, 'Read about the JWT flow');

/** OAU-251 (and 112/125) when the grant is the JWT one: the app's auth type, or the credential's allowed apps. */
export function jwtGrantRefused(ctx: DiagnosisContext): { causes: Ranked<string>[]; fixes: Ranked<Fix>[] } {
  return {
    causes: [
      [
        92,
        `The app is not set up for JWT: in ${APP_AUTH_PATH}, "JWT auth flow" must be the chosen auth type. An app made for 3-legged OAuth (authorization code) refuses grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer; when its auth type cannot be changed, create a REST API app with "JWT auth flow".`,
      ],
      [
        70,
        `The client id is another app's than the one set up for JWT: check ${clientIdText(ctx)} against the app's Credentials page.`,
      ],
      [
        55,
        'The JWT credential may be restricted to other apps: a credential can be limited to chosen apps when it is created.',
      ],
    ],
    fixes: [
      [92, consoleFix(ctx, 'Choose "JWT auth flow" for the app', `${APP_AUTH_PATH}: select "JWT auth flow", save.`)],
      [70, allowedAppsFix(ctx)],
      [40, jwtFlowDocs],
    ],
  };
}

export const invalidUserCredentials: KnowledgeEntry = {
  id: 'invalid-user-credentials',
  codes: ['OAU-140'],
  compatibleErrors: ['invalid_grant', 'invalid_request'],
  messages: ['invalid resource owner credentials'],
  explain: ({ context: ctx }) => {
    const jwt = isJwt(ctx);
    const password = isPassword(ctx);
    const facts = ctx.jwtCredential;
    const otherServer = credentialForOtherServer(ctx);
    const expiredText =
      facts?.expired && facts.expiresAt !== undefined
        ? `The JWT credential expired on ${utcDate(facts.expiresAt)}: a credential created with an expiry date stops working then, and cannot be extended.`
        : undefined;
    return {
      summary: jwt
        ? 'RingCentral refused the JWT credential ("Invalid resource owner credentials").'
        : "RingCentral rejected the user's credentials.",
      causes: [
        expiredText && [98, expiredText],
        otherServer && [
          96,
          `The JWT credential was made for ${otherServer}, but was sent to ${serverText(ctx)}: a credential works only on the server that made it.`,
        ],
        [
          jwt ? 80 : password ? 45 : 70,
          'The JWT credential was revoked or deleted (by its owner or an admin), has expired, or was created for another environment (production, sandbox and the partner platform each make their own).',
        ],
        [
          jwt ? 75 : 50,
          `The JWT credential is restricted to specific apps, and this app (${clientIdText(ctx)}) is not one of them.`,
        ],
        [
          jwt ? 60 : 40,
          'The credential was cut off or changed when copied: it must be sent exactly as issued (about 600 characters, two dots).',
        ],
        [
          jwt ? 50 : 35,
          'The user the credential belongs to was disabled or removed (a JWT credential belongs to a user, not to an app).',
        ],
        !jwt && [
          password ? 80 : 55,
          `Password grant: the username (phone number or email), extension or password is wrong. ${PASSWORD_EOL}`,
        ],
      ],
      fixes: [
        [jwt ? 92 : 70, newCredentialFix(ctx)],
        [jwt ? 75 : 60, allowedAppsFix(ctx)],
        !jwt && [
          password ? 90 : 65,
          docsFix(
            docs.jwtFlow,
            'Switch to JWT',
            `Create a JWT credential for the user (${CREDENTIALS_PATH} → Create JWT), choose "JWT auth flow" for the app, and exchange it with grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer.`,
          ),
        ],
        jwt && [40, jwtFlowDocs],
        [30, signInFix('Or sign in interactively in the browser.', 'Sign in in the browser instead')],
      ],
    };
  },
};

export const jwtSigningAlgorithmUnsupported: KnowledgeEntry = {
  id: 'jwt-signing-algorithm-unsupported',
  codes: ['OAU-347'],
  messages: ['algorithm which is used for assertion signing is not supported'],
  explain: ({ context: ctx }) => {
    const algorithm = ctx.jwtCredential?.algorithm;
    return {
      summary: algorithm
        ? `The JWT assertion is signed with "${algorithm}", which RingCentral does not accept for the JWT grant; its own credentials use RS256.`
        : 'The JWT assertion is signed with an algorithm RingCentral does not accept for the JWT grant; its own credentials use RS256.',
      causes: [
        [
          80,
          'The assertion was not the credential the Developer Console issued: it was made or re-signed by other code, with HS256, "none" or another algorithm. RingCentral checks its own RS256 signature.',
        ],
        [60, 'A JWT from another system (an id_token, another provider) was sent as the assertion.'],
      ],
      fixes: [
        [
          90,
          consoleFix(
            ctx,
            'Use the JWT credential from the Developer Console as is',
            `${CREDENTIALS_PATH}: copy the credential and send it unchanged as assertion=.`,
          ),
        ],
        [50, jwtFlowDocs],
      ],
    };
  },
};

export const jwtFlowEntries: KnowledgeEntry[] = [invalidUserCredentials, jwtSigningAlgorithmUnsupported];
