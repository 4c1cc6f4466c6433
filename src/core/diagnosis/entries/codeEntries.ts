// The authorization code and the shape of the sign-in requests: OAU-106, 108, 110, 102, 111, 150, 101.
import { docs } from '../developerConsole';
import {
  bracketedName,
  configureAppFix,
  docsFix,
  settingFix,
  signInFix,
  supportFix,
  traceFix,
  type KnowledgeEntry,
} from '../entryKit';
import type { DiagnosisContext } from '../types';

function ageText(ctx: DiagnosisContext): string | undefined {
  const age = ctx.codeAgeSeconds;
  return typeof age === 'number' && Number.isFinite(age) && age >= 0 ? `${Math.round(age)} s` : undefined;
}

export const authorizationCodeInvalid: KnowledgeEntry = {
  id: 'authorization-code-invalid',
  codes: ['OAU-106'],
  compatibleErrors: ['invalid_grant'],
  messages: ['invalid authorization code'],
  explain: ({ context: ctx }) => {
    const age = ageText(ctx);
    const old = typeof ctx.codeAgeSeconds === 'number' && ctx.codeAgeSeconds > 60;
    return {
      summary:
        'RingCentral did not accept the authorization code: it was already used, altered, or is no longer valid.',
      causes: [
        [
          70,
          'The code was already exchanged. An authorization code works once: a second exchange (a retry, two handlers for the same callback, a double submit) or a browser refresh of the callback page sends it again.',
        ],
        [
          55,
          'The code was damaged on the way: copied only partly, URL-decoded twice, or mixed up with the state parameter.',
        ],
        ctx.redirectMode === 'paste' && [
          65,
          'In paste mode: the URL was pasted incompletely, or the same URL was pasted twice (the second paste reuses a spent code).',
        ],
        old && [75, `The code is ${age} old; codes live about 60 s, so it has probably expired as well.`],
        [
          30,
          'With PKCE, the code_verifier must be the one created for the same sign-in that produced this code. RingCentral does not document which error a wrong verifier gives, so check it if nothing above applies.',
        ],
      ],
      fixes: [
        [
          90,
          signInFix(
            'Each sign-in gets a fresh code. Do not refresh or revisit the callback page while it is being handled.',
          ),
        ],
        [50, traceFix],
        [30, docsFix(docs.authCodeFlow, 'Read about the authorization code flow')],
      ],
    };
  },
};

export const authorizationCodeExpired: KnowledgeEntry = {
  id: 'authorization-code-expired',
  codes: ['OAU-108'],
  compatibleErrors: ['invalid_grant'],
  messages: ['authorization code is expired', 'authorization code expired', 'authorization code has expired'],
  explain: ({ context: ctx }) => {
    const age = ageText(ctx);
    return {
      summary: age
        ? `The authorization code was ${age} old when it was exchanged; RingCentral accepts it for only about 60 s.`
        : 'The authorization code expired before it was exchanged; RingCentral accepts it for only about 60 s.',
      causes: [
        [
          70,
          `More than about 60 seconds passed between RingCentral issuing the code and the token request${age ? ` (here: ${age})` : ''}. The redirect carries expires_in for the code.`,
        ],
        [
          ctx.redirectMode === 'paste' ? 75 : 45,
          'The redirect URL was pasted too late: in paste mode, copy the URL from the browser as soon as it lands.',
        ],
        [
          40,
          'The code exchange was held up: the computer slept, a debugger paused at a breakpoint, or a slow proxy delayed the request.',
        ],
        [
          35,
          'Your own server exchanges the code later (for example from a queued job); exchange it inside the callback handler.',
        ],
      ],
      fixes: [
        [90, signInFix('Start a new sign-in and let the exchange run straight away.')],
        ctx.redirectMode === 'paste' && [
          60,
          {
            label: 'Let the browser return to the editor directly',
            detail: 'The URI handler mode needs no copying, so the code is exchanged within seconds.',
            action: { kind: 'switchRedirectMode', mode: 'uriHandler' },
          },
        ],
        [30, traceFix],
      ],
    };
  },
};

export const authorizationCodeWrongApp: KnowledgeEntry = {
  id: 'authorization-code-wrong-app',
  codes: ['OAU-110'],
  compatibleErrors: ['invalid_grant'],
  messages: ['authorization code was not issued for this application'],
  explain: () => ({
    summary: 'The authorization code was issued to a different app than the one exchanging it.',
    causes: [
      [
        70,
        'The authorize request and the token request used different client ids: for example the client id was changed in the settings during sign-in, or two apps share one callback URL.',
      ],
      [
        55,
        "The token request authenticates with another app's credentials (client id and secret of a different app, or a production pair where the code came from sandbox).",
      ],
      [40, 'A callback left over from an earlier sign-in with another app was handled.'],
    ],
    fixes: [
      [
        90,
        configureAppFix(
          'Use one client id (and its own secret) for both the sign-in and the code exchange.',
          'Check the client id',
        ),
      ],
      [80, settingFix('ringcentral.clientId', 'Open the client id setting')],
      [70, signInFix('Then start a new sign-in; the old code cannot be used.')],
    ],
  }),
};

export const authorizationCodeNotIssued: KnowledgeEntry = {
  id: 'authorization-code-not-issued',
  codes: ['OAU-102'],
  messages: ['unable to issue authorization code'],
  explain: ({ code }) => ({
    summary: 'RingCentral could not issue an authorization code for this sign-in.',
    causes: [
      [
        60,
        'The signed-in user or account may not be allowed to use this app: the app may not be available to that account yet, or an admin restricts which apps may sign in.',
      ],
      [
        50,
        'The authorize request carries something RingCentral refuses for this app (response_type other than code, an unusual prompt or brand_id).',
      ],
      [40, "A temporary problem on RingCentral's side."],
      [30, 'RingCentral does not document the causes of OAU-102 in detail.'],
    ],
    fixes: [
      [90, signInFix('Try once more, with the user who owns the app if possible.')],
      [60, traceFix],
      [40, supportFix(code ?? 'OAU-102')],
    ],
  }),
};

export const requestParameterDuplicated: KnowledgeEntry = {
  id: 'request-parameter-duplicated',
  codes: ['OAU-111'],
  compatibleErrors: ['invalid_request'],
  messages: ['request parameter duplication detected'],
  explain: () => ({
    summary: 'A parameter was sent twice in the same request.',
    causes: [
      [
        70,
        'The same parameter appears twice: for example client_id both in the query string and in the form body, grant_type twice, or a form body built by appending to an earlier one.',
      ],
      [50, 'An HTTP library merges its default parameters with yours, so redirect_uri or client_id is sent twice.'],
    ],
    fixes: [
      [90, { ...traceFix, label: 'Open the trace and look for the repeated parameter' }],
      [40, docsFix(docs.authCodeFlow, 'Compare with the documented request')],
    ],
  }),
};

export const queryBodyParameterMismatch: KnowledgeEntry = {
  id: 'query-body-parameter-mismatch',
  codes: ['OAU-150'],
  compatibleErrors: ['invalid_request'],
  messages: ['should be equal to parameter'],
  explain: () => ({
    summary: 'A parameter has one value in the URL query and another in the request body.',
    causes: [
      [
        70,
        'RingCentral\'s error table describes OAU-150 as "The value of query parameter [X] should be equal to parameter [Y] in request body": the request carries the same setting twice with different values.',
      ],
      [50, 'Parameters are put in the URL as well as in the form body; send token parameters in the form body only.'],
    ],
    fixes: [[90, { ...traceFix, label: 'Open the trace and compare the query string with the body' }]],
  }),
};

export const invalidParameter: KnowledgeEntry = {
  id: 'invalid-parameter',
  codes: ['OAU-101', 'CMN-101'],
  compatibleErrors: ['invalid_request'],
  messages: ['value is invalid', 'parameter [brandid] is invalid'],
  explain: ({ serverMessage, code }) => {
    const name = bracketedName(serverMessage);
    return {
      summary: name
        ? `RingCentral refused the value of the parameter ${name}.`
        : 'RingCentral refused the value of a request parameter.',
      causes: [
        [
          70,
          name
            ? `The request's ${name} parameter has a value RingCentral does not accept.`
            : 'A request parameter has a value RingCentral does not accept; the server message usually names it in square brackets.',
        ],
        code === 'OAU-101' && [
          60,
          'RingCentral\'s error table gives "Parameter [brandId] is invalid" for OAU-101: an authorize request with a brand_id that does not belong to the account or the app. Leave brand_id out unless you need it.',
        ],
        [40, 'A value was URL-encoded twice or contains stray whitespace.'],
      ],
      fixes: [
        [90, { ...traceFix, label: 'Open the trace and check that parameter' }],
        [40, supportFix(code)],
      ],
    };
  },
};

export const codeEntries: KnowledgeEntry[] = [
  authorizationCodeInvalid,
  authorizationCodeExpired,
  authorizationCodeWrongApp,
  authorizationCodeNotIssued,
  requestParameterDuplicated,
  queryBodyParameterMismatch,
  invalidParameter,
];
