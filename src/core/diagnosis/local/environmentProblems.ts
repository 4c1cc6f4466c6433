// The words for environment problems found before any request (ringcentral/environment.ts decides; this file
// explains): the retiring sandbox, the partner platform, a client id or JWT credential from another environment.
import { describeServer, docs, type ServerEnvironment } from '../developerConsole';
import { configureAppFix, consoleFix, docsFix, settingFix, type Ranked } from '../entryKit';
import type { DiagnosisContext, Fix } from '../types';
import { localDiagnosis, type LocalProblem, type LocalSeverity } from './localDiagnosis';

const PRODUCTION = 'https://platform.ringcentral.com';

/** "production", "the sandbox (devtest)", "the partner platform (.biz)"… for sentences. */
export function environmentName(environment: ServerEnvironment): string {
  switch (environment) {
    case 'production':
      return 'production';
    case 'sandbox':
      return 'the sandbox (devtest)';
    case 'partner':
      return 'the AT&T / Verizon partner platform (.biz)';
    case 'emulator':
      return 'the local emulator';
    case 'custom':
      return 'a custom server';
    default:
      return 'an unknown server';
  }
}

const productionServerFix: Fix = settingFix(
  'ringcentral.server',
  'Use production',
  `Set the server to ${PRODUCTION} and use the app's production client id and secret.`,
);

export function sandboxRetiringProblem(ctx: DiagnosisContext): LocalProblem<'sandbox-retiring'> {
  return {
    code: 'sandbox-retiring',
    severity: 'warning',
    diagnosis: localDiagnosis({
      id: 'environment-sandbox-retiring',
      summary:
        'RingCentral is retiring the sandbox (platform.devtest.ringcentral.com); develop against production with an app that is still in development.',
      causes: [
        [
          80,
          'The sandbox is being retired: RingCentral\'s docs and API spec no longer list it, its SDK warns "Sandbox support is deprecated", and sandbox apps are refused elsewhere with OAU-165 "Sandbox client is not allowed".',
        ],
        [
          60,
          "An app that is not yet graduated works on production for the developer's own account: the sandbox is no longer needed to try things out.",
        ],
      ],
      fixes: [
        [80, productionServerFix],
        [60, consoleFix(ctx, "Open the app's production credentials", 'Developer Console → your app → Credentials.')],
        [40, docsFix(docs.production, 'Read about developing on production')],
      ],
    }),
  };
}

export function partnerPlatformProblem(): LocalProblem<'partner-platform'> {
  return {
    code: 'partner-platform',
    severity: 'info',
    diagnosis: localDiagnosis({
      id: 'environment-partner-platform',
      summary:
        "platform.ringcentral.biz is the AT&T / Verizon partner platform: it takes only apps, client ids and JWT credentials made on that platform's developer site.",
      causes: [
        [
          80,
          'Accounts of RingCentral\'s carrier partners (AT&T Office@Hand, Verizon) live on the partner platform; apps and credentials from developers.ringcentral.com are unknown there (OAU-153 "Invalid client").',
        ],
        [60, `If the account is an ordinary RingCentral account, the server is production: ${PRODUCTION}.`],
      ],
      fixes: [
        [
          70,
          configureAppFix(
            "Use the client id (and secret) of an app registered on the partner platform's developer site.",
          ),
        ],
        [60, productionServerFix],
      ],
    }),
  };
}

/** OAU-165 when a sandbox client goes elsewhere; OAU-153 ("Invalid client") for every other mix. */
export function predictedClientCode(from: ServerEnvironment, to: ServerEnvironment): 'OAU-165' | 'OAU-153' {
  return from === 'sandbox' && to !== 'sandbox' ? 'OAU-165' : 'OAU-153';
}

export function clientIdFromOtherEnvironmentProblem(
  ctx: DiagnosisContext,
  worked: { server: string; environment: ServerEnvironment },
  here: ServerEnvironment,
): LocalProblem<'client-id-from-other-environment'> {
  const code = predictedClientCode(worked.environment, here);
  const client = ctx.clientId ? `The client id ${ctx.clientId}` : 'This client id';
  return {
    code: 'client-id-from-other-environment',
    // Whether one client id can work on two environments is not publicly settled: say it, do not block.
    severity: 'warning',
    diagnosis: localDiagnosis({
      id: 'environment-client-id-mismatch',
      code,
      summary: `${client} signed in on ${environmentName(worked.environment)} before, but the server now is ${describeServer(ctx.server)}: RingCentral would probably answer ${code} ${code === 'OAU-165' ? '"Sandbox client is not allowed"' : '"Invalid client"'}.`,
      causes: [
        [
          80,
          `Production, the sandbox and the partner platform keep separate apps and client ids: a client id that works on ${describeServer(worked.server)} is usually unknown on ${environmentName(here)}.`,
        ],
        code === 'OAU-165' && [
          70,
          'It is a sandbox app\'s client id; RingCentral refuses sandbox clients outside the sandbox ("Sandbox client is not allowed") and is retiring the sandbox.',
        ],
        [40, 'Checked on this machine from earlier sign-ins; nothing was sent yet.'],
      ],
      fixes: [
        [
          85,
          configureAppFix(
            `Use the client id and secret shown for ${environmentName(here)} on the app's Credentials page.`,
            'Use the credentials for this server',
          ),
        ],
        [
          70,
          settingFix(
            'ringcentral.server',
            `Switch the server back to ${environmentName(worked.environment)}`,
            `The client id worked on ${worked.server}.`,
          ),
        ],
        [50, consoleFix(ctx, "Open the app's credentials")],
      ],
    }),
  };
}

export type JwtServerProblemCode = 'jwt-wrong-server' | 'jwt-server-unconfirmed';

/** Why a credential's `aud` does not name the server, in the terms of the two environments. */
export function jwtServerProblem(
  ctx: DiagnosisContext,
  input: {
    severity: LocalSeverity;
    /** The server the credential names (aud, else iss); undefined when it names none. */
    credentialServer?: string;
    credentialEnvironment?: ServerEnvironment;
    serverEnvironment: ServerEnvironment;
  },
): LocalProblem<JwtServerProblemCode> {
  const { credentialServer, credentialEnvironment, serverEnvironment } = input;
  const blocking = input.severity === 'error';
  const mixesClients =
    credentialEnvironment !== undefined &&
    ['production', 'sandbox', 'partner'].includes(credentialEnvironment) &&
    ['production', 'sandbox', 'partner'].includes(serverEnvironment);
  const made = credentialServer
    ? `made for ${describeServer(credentialServer)}`
    : 'does not say which server it is for (no "aud" claim)';
  const causes: Ranked<string>[] = [
    [
      90,
      `A JWT credential works only on the server that made it: RingCentral puts that server's token endpoint in its "aud" claim. This one is ${made}, and the server is ${describeServer(ctx.server)}.`,
    ],
    mixesClients && [
      70,
      `The app (client id) probably belongs to ${environmentName(credentialEnvironment)} too: mixing environments gets OAU-153 "Invalid client", OAU-165 "Sandbox client is not allowed" (a sandbox app elsewhere) or an invalid_grant for the credential.`,
    ],
    serverEnvironment === 'emulator' &&
      credentialEnvironment !== 'emulator' && [
        80,
        'The local emulator only accepts JWT credentials made in its own console (<emulator URL>/__console), and forgets them when it restarts; never paste a real RingCentral credential into a test set-up.',
      ],
    credentialEnvironment === 'emulator' &&
      serverEnvironment !== 'emulator' && [
        85,
        'This credential was made by a local emulator: RingCentral does not know it. Create a real one in the Developer Console.',
      ],
    serverEnvironment === 'custom' && [
      75,
      'The server is a custom one: if it is a proxy that forwards to the server the credential names, this is fine; otherwise use the server the credential was made for.',
    ],
    !blocking && [30, 'Not certain, so the request is not stopped: RingCentral will answer.'],
  ];
  const fixes: Ranked<Fix>[] = [
    credentialServer &&
      credentialEnvironment !== 'emulator' && [
        85,
        settingFix(
          'ringcentral.server',
          `Use the credential's server (${credentialServer})`,
          `Set the server to ${credentialServer}, with an app (client id and secret) from the same environment.`,
        ),
      ],
    [
      80,
      consoleFix(
        ctx,
        `Create a JWT credential for ${environmentName(serverEnvironment)}`,
        'Developer Console → your name (top right) → Credentials → Create JWT. Sign in to the console of the environment you use; allow this app (or all apps).',
      ),
    ],
    [40, docsFix(docs.jwtFlow, 'Read about JWT credentials')],
  ];
  return {
    code: blocking ? 'jwt-wrong-server' : 'jwt-server-unconfirmed',
    severity: input.severity,
    diagnosis: localDiagnosis({
      id: blocking ? 'jwt-credential-wrong-server' : 'jwt-credential-server-unconfirmed',
      summary: blocking
        ? `This JWT credential is for ${credentialServer ? describeServer(credentialServer) : 'another server'}, not for ${describeServer(ctx.server)}: RingCentral would refuse it.`
        : `This JWT credential may not be for ${describeServer(ctx.server)}: it ${made}.`,
      causes,
      fixes,
    }),
  };
}
