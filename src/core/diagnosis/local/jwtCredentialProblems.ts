// The words for problems with a pasted JWT credential, found on this machine before it is sent
// (oauth/jwtCredential.ts decides). Never quotes the paste: it may be a client secret or a token.
import { docs } from '../developerConsole';
import { configureAppFix, consoleFix, docsFix, setSecretFix, type Ranked } from '../entryKit';
import type { DiagnosisContext, Fix } from '../types';
import type { JwtServerProblemCode } from './environmentProblems';
import { durationText, localDiagnosis, utcText, type LocalProblem, type LocalSeverity } from './localDiagnosis';

export type JwtProblemCode =
  | 'jwt-empty'
  | 'jwt-too-long'
  | 'jwt-is-access-token'
  | 'jwt-is-refresh-token'
  | 'jwt-is-client-id'
  | 'jwt-is-client-secret'
  | 'jwt-is-password'
  | 'jwt-is-url'
  | 'jwt-not-a-jwt'
  | 'jwt-is-id-token'
  | 'jwt-malformed'
  | 'jwt-incomplete'
  | 'jwt-algorithm-refused'
  | 'jwt-algorithm-unconfirmed'
  | 'jwt-expired'
  | 'jwt-expires-soon'
  | 'jwt-not-yet-valid'
  | 'jwt-signature-short'
  | 'jwt-paste-cleaned'
  /** The check itself failed (a bug): the paste is refused rather than sent unchecked. */
  | 'jwt-unreadable'
  | JwtServerProblemCode;

export type JwtProblem = LocalProblem<JwtProblemCode>;

export type MalformedReason = 'parts' | 'encrypted' | 'characters' | 'header' | 'payload';

/** What the explanation may mention: lengths, times, the algorithm — never the pasted value. */
export interface JwtProblemDetails {
  length?: number;
  parts?: number;
  reason?: MalformedReason;
  algorithm?: string;
  /** exp / nbf in epoch ms. */
  at?: number;
  now?: number;
  /** What cleaning the paste did, in words. */
  cleaned?: readonly string[];
}

type Words = { severity: LocalSeverity; summary: string; causes: Ranked<string>[]; fixes: Ranked<Fix>[] };

const CONSOLE_PATH = 'Developer Console → your name (top right) → Credentials';

function createCredentialFix(ctx: DiagnosisContext, label = 'Create a JWT credential'): Fix {
  return consoleFix(
    ctx,
    label,
    `${CONSOLE_PATH} → Create JWT: allow this app (or all apps), choose no expiry or an expiry date, and copy the whole credential (it starts with eyJ and has two dots).`,
  );
}

const jwtDocsFix = docsFix(docs.jwtFlow, 'Read about the JWT flow');

const WHAT_A_CREDENTIAL_IS =
  'A JWT credential is about 600 characters in three dot-separated parts and starts with "eyJ"; it is created per user in the Developer Console and exchanged for tokens with grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer.';

function notACredential(ctx: DiagnosisContext, what: string, why: string, extra: Ranked<Fix>[] = []): Words {
  return {
    severity: 'error',
    summary: `This is not a JWT credential: it looks like ${what}.`,
    causes: [
      [90, why],
      [60, WHAT_A_CREDENTIAL_IS],
    ],
    fixes: [[90, createCredentialFix(ctx, 'Copy (or create) the JWT credential')], ...extra, [30, jwtDocsFix]],
  };
}

function words(code: JwtProblemCode, details: JwtProblemDetails, ctx: DiagnosisContext): Words {
  const when = details.at !== undefined ? utcText(details.at) : 'an unknown time';
  const ago = details.at !== undefined && details.now !== undefined ? durationText(details.now - details.at) : '';
  switch (code) {
    case 'jwt-empty':
      return {
        severity: 'error',
        summary: 'Nothing was pasted: paste the JWT credential.',
        causes: [[60, WHAT_A_CREDENTIAL_IS]],
        fixes: [[90, createCredentialFix(ctx, 'Copy the JWT credential')]],
      };
    case 'jwt-too-long':
      return {
        severity: 'error',
        summary: `The paste is ${details.length ?? 'too many'} characters long; a JWT credential is about 600. Nothing of it was read.`,
        causes: [
          [80, 'A whole file or log was pasted instead of the credential alone.'],
          [50, WHAT_A_CREDENTIAL_IS],
        ],
        fixes: [[90, createCredentialFix(ctx, 'Copy the JWT credential alone')]],
      };
    case 'jwt-is-access-token':
      return notACredential(
        ctx,
        'a RingCentral access token',
        'It starts with a region prefix (base64 of something like "SJC01P04PAS00|…") and has no dots: that is an access (or refresh) token, which the JWT credential is exchanged FOR. Access tokens die within an hour; the credential is what lasts.',
      );
    case 'jwt-is-refresh-token':
      return notACredential(
        ctx,
        'a RingCentral refresh token',
        'A refresh token (named so where it was pasted from) renews one session for up to 7 days and works once; the JWT credential is what signs a user in again and again.',
      );
    case 'jwt-is-client-id':
      return notACredential(
        ctx,
        "the app's client id",
        `It is ${details.length ?? 22} letters and digits with no dots, like a RingCentral client id (or an older 22-character client secret). The client id identifies the app; the JWT credential identifies the user.`,
        [[60, configureAppFix('The client id belongs in the app settings, not here.')]],
      );
    case 'jwt-is-client-secret':
      return notACredential(
        ctx,
        "the app's client secret",
        `It is ${details.length ?? 'a few dozen'} base64-like characters with no dots, the shape of a client secret. The secret authenticates the app (the Basic header); the JWT credential is the user's.`,
        [[70, setSecretFix('The client secret is set on its own, stored in the secret storage.')]],
      );
    case 'jwt-is-password':
      return notACredential(
        ctx,
        'a password',
        "Where it was pasted from calls it a password. RingCentral's password grant is deprecated; the JWT credential replaces the password for scripts and servers.",
      );
    case 'jwt-is-url':
      return notACredential(
        ctx,
        'a URL',
        'It contains "://". The credential is the value itself, not a link to the Developer Console or to the token endpoint.',
      );
    case 'jwt-not-a-jwt':
      return notACredential(
        ctx,
        'something else',
        'It has neither the shape of a JWT (three base64url parts separated by dots) nor of any RingCentral id, secret or token.',
      );
    case 'jwt-is-id-token':
      return notACredential(
        ctx,
        'an OpenID id_token or another sign-in token',
        'It is a JWT, but it carries "nonce"/"at_hash" or names a client id as its audience: an id_token proves a sign-in happened and cannot be exchanged for tokens. A JWT credential names the token endpoint (…/restapi/oauth/token) as its audience.',
      );
    case 'jwt-malformed':
      return {
        severity: 'error',
        summary: 'This is not a complete, readable JWT credential.',
        causes: [
          details.reason === 'encrypted' && [
            90,
            'It has five parts: an encrypted JWT (JWE). RingCentral credentials are signed, not encrypted: three parts.',
          ],
          details.reason === 'parts' && [
            90,
            `It has ${details.parts ?? 'the wrong number of'} dot-separated parts; a JWT has three (header.payload.signature). Part of it was probably not copied.`,
          ],
          details.reason === 'characters' && [
            90,
            'It contains characters a JWT never has (only letters, digits, "-", "_" and two dots): it was changed when copied, or two values were pasted together.',
          ],
          (details.reason === 'header' || details.reason === 'payload') && [
            90,
            `Its ${details.reason} does not decode to a JSON object: the start of the credential was cut off or edited.`,
          ],
          [50, WHAT_A_CREDENTIAL_IS],
        ],
        fixes: [[90, createCredentialFix(ctx, 'Copy the whole JWT credential again')]],
      };
    case 'jwt-incomplete':
      return {
        severity: 'error',
        summary: 'The JWT credential has no signature: its last part is missing, so it was cut off when copied.',
        causes: [
          [90, 'RingCentral signs every credential; an unsigned token is refused.'],
          [50, WHAT_A_CREDENTIAL_IS],
        ],
        fixes: [[90, createCredentialFix(ctx, 'Copy the whole JWT credential again')]],
      };
    case 'jwt-signature-short':
      return {
        severity: 'warning',
        summary: `The signature is ${details.length ?? 'too few'} characters; RingCentral's RS256 signatures are 342. The credential may have been cut off.`,
        causes: [
          [70, 'The end of the credential was probably not copied.'],
          [30, 'Not certain, so the request is not stopped.'],
        ],
        fixes: [[80, createCredentialFix(ctx, 'Copy the whole JWT credential again')]],
      };
    case 'jwt-algorithm-refused':
      return {
        severity: 'error',
        summary: `The credential is signed with "${details.algorithm ?? 'none'}", which RingCentral refuses for the JWT grant (OAU-347): its own credentials are signed with RS256.`,
        causes: [
          [
            90,
            'RingCentral does not take self-made assertions: it checks the signature of the credential its Developer Console issued. "none" and HMAC algorithms (HS256…) are refused with OAU-347 "An algorithm which is used for assertion signing is not supported for JWT Bearer grant type".',
          ],
          [
            60,
            'The JWT came from another system, or was re-signed by code that should pass the credential through unchanged.',
          ],
        ],
        fixes: [
          [90, createCredentialFix(ctx, 'Use the credential from the Developer Console as is')],
          [40, jwtDocsFix],
        ],
      };
    case 'jwt-algorithm-unconfirmed':
      return {
        severity: 'warning',
        summary: `The credential is signed with "${details.algorithm ?? 'an unknown algorithm'}"; RingCentral's own credentials use RS256, and others may be refused with OAU-347.`,
        causes: [
          [70, 'The JWT may not come from the Developer Console.'],
          [30, 'Not certain, so the request is not stopped: RingCentral will answer.'],
        ],
        fixes: [[80, createCredentialFix(ctx, 'Use the credential from the Developer Console')]],
      };
    case 'jwt-expired':
      return {
        severity: 'error',
        summary: `This JWT credential expired on ${when}${ago ? ` (${ago} ago)` : ''}: RingCentral would refuse it.`,
        causes: [
          [
            90,
            'JWT credentials are created with "no expiry" or an expiry date; this one was given a date, and it has passed. It cannot be extended.',
          ],
          [40, "If your computer's clock is wrong, the date may be too: check it."],
        ],
        fixes: [
          [95, createCredentialFix(ctx, 'Create a new JWT credential (no expiry, or a later date)')],
          [30, jwtDocsFix],
        ],
      };
    case 'jwt-expires-soon':
      return {
        severity: 'warning',
        summary: `This JWT credential expires on ${when} (in ${ago}).`,
        causes: [[70, 'It was created with an expiry date; after it, sign-in with it stops working.']],
        fixes: [[70, createCredentialFix(ctx, 'Create a credential with no expiry before then')]],
      };
    case 'jwt-not-yet-valid':
      return {
        severity: 'warning',
        summary: `This JWT credential is not valid before ${when} (its "nbf").`,
        causes: [
          [60, "Your computer's clock may be behind; RingCentral checks with its own."],
          [30, 'Not certain, so the request is not stopped.'],
        ],
        fixes: [[60, createCredentialFix(ctx, 'Create a new JWT credential')]],
      };
    case 'jwt-paste-cleaned':
      return {
        severity: 'info',
        summary: `The paste was cleaned before use: ${(details.cleaned ?? []).join('; ') || 'surrounding characters removed'}.`,
        causes: [[50, 'People paste from .env files, JSON and terminals; only the credential itself is sent.']],
        fixes: [],
      };
    case 'jwt-unreadable':
      return {
        severity: 'error',
        summary: 'The paste could not be read as a JWT credential.',
        causes: [[60, WHAT_A_CREDENTIAL_IS]],
        fixes: [[90, createCredentialFix(ctx, 'Copy the whole JWT credential again')]],
      };
    default:
      // The server problems are built by ringcentral/environment.ts.
      return {
        severity: 'warning',
        summary: 'The JWT credential has a problem.',
        causes: [],
        fixes: [[50, jwtDocsFix]],
      };
  }
}

export function jwtProblem(code: JwtProblemCode, details: JwtProblemDetails, ctx: DiagnosisContext): JwtProblem {
  const explained = words(code, details, ctx);
  return {
    code,
    severity: explained.severity,
    diagnosis: localDiagnosis({
      id: `jwt-credential-${code.replace(/^jwt-/, '')}`,
      ...(code === 'jwt-algorithm-refused' ? { code: 'OAU-347' } : {}),
      summary: explained.summary,
      causes: explained.causes,
      fixes: explained.fixes,
    }),
  };
}
