// What the export tests set up on the emulator before an exported artefact runs: the emulator itself, the two
// profiles they export (a confidential app's JWT sign-in, the public demo app's authorization code + PKCE) with
// the secrets the artefact reads from its environment, and a code issued ahead for the runs without a browser.
import { DEMO_APP, Emulator } from '../../../emulator/server';
import {
  defaultAuthorizeParams,
  getCode,
  LOOPBACK_REDIRECT,
  pkce,
  useEmulator,
} from '../../../emulator/test/emulatorTestUtils';
import type { ExportProfile } from '../../../src/core/export/profile';
import { CONFIDENTIAL } from '../ringcentralClientKit';

export { CONFIDENTIAL, DEMO_APP, LOOPBACK_REDIRECT };

export interface JwtSecrets {
  clientSecret: string;
  jwt: string;
  /** The same secrets under the environment variable names every artefact reads. */
  env: { RINGCENTRAL_CLIENT_SECRET: string; RINGCENTRAL_JWT: string };
}

export interface ExportEmulator {
  readonly emu: Emulator;
  /** The profile of a confidential app that signs in with a JWT credential (see confidentialJwtSecrets). */
  jwtProfile(overrides?: Partial<ExportProfile>): ExportProfile;
  /** Registers the confidential app and issues a JWT credential for it. */
  confidentialJwtSecrets(): JwtSecrets;
  /** The profile of the public demo app (no secret): a code and PKCE on the loopback redirect. */
  codeProfile(overrides?: Partial<ExportProfile>): ExportProfile;
  /** A code the emulator issued to the demo app, and its PKCE verifier, as the artefact reads them. */
  preAuthorizedCode(): Promise<{ RINGCENTRAL_AUTH_CODE: string; RINGCENTRAL_CODE_VERIFIER: string }>;
}

/** The emulator an artefact meets (no rate limit, sign-ins approved without a consent page), and its profiles. */
export function useExportEmulator(): ExportEmulator {
  const ctx = useEmulator({ rateLimit: false, autoApprove: true });
  return {
    get emu(): Emulator {
      return ctx.emu;
    },
    jwtProfile: (overrides = {}) => ({
      name: 'JWT app',
      server: ctx.emu.url,
      clientId: CONFIDENTIAL.clientId,
      flow: 'jwt',
      hasClientSecret: true,
      ...overrides,
    }),
    confidentialJwtSecrets: () => {
      ctx.emu.registerApp(CONFIDENTIAL);
      const clientSecret = CONFIDENTIAL.clientSecret as string;
      const jwt = ctx.emu.createJwtCredential(CONFIDENTIAL.clientId);
      return { clientSecret, jwt, env: { RINGCENTRAL_CLIENT_SECRET: clientSecret, RINGCENTRAL_JWT: jwt } };
    },
    codeProfile: (overrides = {}) => ({
      name: 'PKCE app',
      server: ctx.emu.url,
      clientId: DEMO_APP.clientId,
      flow: 'authorizationCode',
      redirectUri: LOOPBACK_REDIRECT,
      registeredRedirectUris: [...DEMO_APP.redirectUris],
      hasClientSecret: false,
      ...overrides,
    }),
    preAuthorizedCode: async () => {
      const pair = pkce();
      const code = await getCode(ctx.emu, defaultAuthorizeParams(pair));
      return { RINGCENTRAL_AUTH_CODE: code, RINGCENTRAL_CODE_VERIFIER: pair.verifier };
    },
  };
}

/** A PKCE verifier that belongs to no code. */
export function unrelatedVerifier(): string {
  return pkce().verifier;
}
