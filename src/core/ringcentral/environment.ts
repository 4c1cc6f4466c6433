// Which RingCentral environment a server is, and the mix-ups found before any request: the retiring sandbox, the
// partner platform, a client id that worked on another environment, a JWT credential made for another server.
// Pure functions over strings; the words are in diagnosis/local/environmentProblems.ts.
import { serverEnvironment, type ServerEnvironment } from '../diagnosis/developerConsole';
import {
  clientIdFromOtherEnvironmentProblem,
  jwtServerProblem,
  partnerPlatformProblem,
  sandboxRetiringProblem,
  type JwtServerProblemCode,
} from '../diagnosis/local/environmentProblems';
import { bySeverity, type LocalProblem, type LocalSeverity } from '../diagnosis/local/localDiagnosis';
import type { DiagnosisContext } from '../diagnosis/types';
import { isLoopbackHost, MAX_SERVER_URL_LENGTH } from './serverUrl';

export { serverEnvironment, type ServerEnvironment };

/** A server and client id that signed in before (another profile, an earlier session). */
export interface KnownGoodSignIn {
  server: string;
  clientId: string;
}

export interface EnvironmentInput {
  server: string;
  clientId?: string;
  /** Pairs that worked before; a client id that only ever worked on another environment is flagged. */
  knownGood?: readonly KnownGoodSignIn[];
}

export type EnvironmentProblemCode = 'sandbox-retiring' | 'partner-platform' | 'client-id-from-other-environment';

const RINGCENTRAL_ENVIRONMENTS: readonly ServerEnvironment[] = ['production', 'sandbox', 'partner'];
/** Earlier sign-ins are few; a longer list (from a hostile settings file) is not read past this. */
const MAX_KNOWN_GOOD = 500;
const TOKEN_PATH_SUFFIX = '/restapi/oauth/token';

/**
 * scheme://host[:port]/path without trailing slashes, lower-cased up to the path; every loopback host is one
 * ("localhost" and 127.0.0.1 are the same emulator). Undefined when it is not an http(s) URL.
 */
export function serverKey(url: string | undefined): string | undefined {
  if (typeof url !== 'string' || url.length > MAX_SERVER_URL_LENGTH) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  const host = isLoopbackHost(parsed.hostname) ? 'loopback' : parsed.hostname.toLowerCase();
  let path = parsed.pathname;
  while (path.endsWith('/')) path = path.slice(0, -1);
  return `${parsed.protocol}//${host}${parsed.port ? `:${parsed.port}` : ''}${path}`;
}

export function sameServer(a: string | undefined, b: string | undefined): boolean {
  const keyA = serverKey(a);
  return keyA !== undefined && keyA === serverKey(b);
}

/** The server a JWT `aud` (its token endpoint, or the bare origin) or `iss` names: its base URL, or undefined. */
export function serverNamedBy(claim: string): string | undefined {
  const text = claim.trim();
  const base = text.toLowerCase().endsWith(TOKEN_PATH_SUFFIX) ? text.slice(0, -TOKEN_PATH_SUFFIX.length) : text;
  if (serverKey(base) === undefined) return undefined;
  const parsed = new URL(base);
  let path = parsed.pathname;
  while (path.endsWith('/')) path = path.slice(0, -1);
  return `${parsed.protocol}//${parsed.host}${path}`;
}

/** Warnings and notes about the server and client id, before any request. Never throws. */
export function checkEnvironment(
  input: EnvironmentInput,
  context: DiagnosisContext = {},
): LocalProblem<EnvironmentProblemCode>[] {
  const ctx: DiagnosisContext = { ...context, server: input.server, clientId: input.clientId ?? context.clientId };
  const here = serverEnvironment(input.server);
  const problems: LocalProblem<EnvironmentProblemCode>[] = [];
  if (here === 'sandbox') problems.push(sandboxRetiringProblem(ctx));
  if (here === 'partner') problems.push(partnerPlatformProblem());
  const clientId = input.clientId?.trim();
  const known = Array.isArray(input.knownGood) ? input.knownGood.slice(0, MAX_KNOWN_GOOD) : [];
  if (clientId && RINGCENTRAL_ENVIRONMENTS.includes(here)) {
    const forClient = known.filter((pair) => pair && pair.clientId === clientId);
    const workedHere = forClient.some((pair) => sameServer(pair.server, input.server));
    const elsewhere = forClient.find((pair) => {
      const environment = serverEnvironment(pair.server);
      return environment !== here && RINGCENTRAL_ENVIRONMENTS.includes(environment);
    });
    if (!workedHere && elsewhere) {
      problems.push(
        clientIdFromOtherEnvironmentProblem(
          ctx,
          { server: elsewhere.server, environment: serverEnvironment(elsewhere.server) },
          here,
        ),
      );
    }
  }
  return bySeverity(problems);
}

export interface JwtServerClaims {
  /** `aud`, as an array (a JWT may carry one string or several). */
  audience: readonly string[];
  issuer?: string;
}

export interface JwtServerCheck {
  /** The server the credential names (from aud, else iss), when it names one. */
  credentialServer?: string;
  credentialEnvironment?: ServerEnvironment;
  /** Absent when the credential is for this server. */
  problem?: LocalProblem<JwtServerProblemCode>;
}

/**
 * Is the credential for this server? RingCentral's credentials say `aud: <server>/restapi/oauth/token` and
 * `iss: <server>`; the bare origin in `aud` is accepted too. A sure mismatch between two RingCentral environments,
 * or between RingCentral and a local emulator, is an error; anything unconfirmed (a custom server that may be a
 * proxy, an audience we do not recognise, none at all) is a warning.
 */
export function checkJwtServer(
  server: string,
  claims: JwtServerClaims,
  context: DiagnosisContext = {},
): JwtServerCheck {
  const ctx: DiagnosisContext = { ...context, server };
  const named = [...claims.audience, ...(claims.issuer !== undefined ? [claims.issuer] : [])]
    .slice(0, 20)
    .map((claim) => serverNamedBy(claim))
    .filter((base): base is string => base !== undefined);
  const here = serverEnvironment(server);
  if (named.some((base) => sameServer(base, server))) {
    return { credentialServer: named.find((base) => sameServer(base, server)), credentialEnvironment: here };
  }
  const credentialServer = named[0];
  const credentialEnvironment = credentialServer ? serverEnvironment(credentialServer) : undefined;
  const severity = jwtServerSeverity(credentialEnvironment, here);
  return {
    credentialServer,
    credentialEnvironment,
    problem: jwtServerProblem(ctx, { severity, credentialServer, credentialEnvironment, serverEnvironment: here }),
  };
}

function jwtServerSeverity(credential: ServerEnvironment | undefined, here: ServerEnvironment): LocalSeverity {
  if (credential === undefined) return 'warning';
  const ringCentral = (environment: ServerEnvironment) => RINGCENTRAL_ENVIRONMENTS.includes(environment);
  // Two RingCentral environments, or RingCentral and an emulator: the credential cannot work.
  if (ringCentral(credential) && ringCentral(here) && credential !== here) return 'error';
  if (ringCentral(credential) && here === 'emulator') return 'error';
  if (credential === 'emulator' && ringCentral(here)) return 'error';
  return 'warning';
}
