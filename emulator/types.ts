// Shapes shared by the emulator's modules and its public API (re-exported from server.ts).

export const JWT_BEARER_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

export type GrantType = 'authorization_code' | 'refresh_token' | typeof JWT_BEARER_GRANT | 'password';

export const GRANT_TYPES: readonly GrantType[] = ['authorization_code', 'refresh_token', JWT_BEARER_GRANT, 'password'];

export interface AppRegistration {
  clientId: string;
  clientSecret?: string;
  name?: string;
  /** 0..10, matched byte for byte. */
  redirectUris: string[];
  /** The token's `scope` is these joined by a space. */
  permissions: string[];
  /** RingCentral's "Issue refresh tokens?" setting, off by default there. */
  issueRefreshTokens: boolean;
  grantTypes: GrantType[];
  accessTokenLifetimeSeconds?: number;
  refreshTokenLifetimeSeconds?: number;
}

export type FaultKind = '5xx' | 'hang' | 'malformedJson' | 'htmlError' | 'drop';
export type FaultEndpoint = 'authorize' | 'token' | 'revoke' | 'api' | 'any';

export interface Fault {
  kind: FaultKind;
  endpoint?: FaultEndpoint;
  /** How many requests it affects; unlimited when absent. */
  remaining?: number;
}

export interface RateLimitSettings {
  perMinute: number;
  penaltySeconds: number;
}

export interface RecordedRequest {
  /** Emulator clock (ms) when the request arrived. */
  time: number;
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  /** Authorization is masked to its scheme. */
  headers: Record<string, string>;
  /** Form body with secrets masked; absent for non-form bodies. */
  form?: Record<string, string | string[]>;
  /** Undefined while pending, and for hang/drop faults. */
  status?: number;
  fault?: FaultKind;
}

/** A user (extension) of the emulator's one account: Ada Lovelace (ext. 101, the default) or Grace Hopper (ext. 102). */
export interface DemoUser {
  /** The extension id: `owner_id` in token answers, `sub` in JWT credentials. */
  id: string;
  accountId: string;
  extensionNumber: string;
  /** The console can rename a user (display names are server-controlled text). */
  name: string;
  email: string;
}
