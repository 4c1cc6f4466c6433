// Pending sign-ins (waiting on the consent page) and authorization codes.
import { randomToken } from './random';

export interface AuthorizationRequest {
  clientId: string;
  /** The redirect URI the code will be sent to. */
  redirectUri: string;
  /** False when authorize omitted redirect_uri (then the token request may omit it too). */
  redirectUriSent: boolean;
  state?: string;
  codeChallenge?: string;
  codeChallengeMethod?: 'S256' | 'plain';
  /** `login_hint` as sent: the consent page preselects the user it names. */
  loginHint?: string;
}

export interface AuthorizationCode extends AuthorizationRequest {
  code: string;
  /** The user who signed in and approved. */
  userId: string;
  expiresAt: number;
  used: boolean;
}

const PENDING_LIFETIME_MS = 15 * 60 * 1000;

export class PendingRequests {
  private readonly pending = new Map<string, AuthorizationRequest & { expiresAt: number }>();

  constructor(private readonly now: () => number) {}

  add(request: AuthorizationRequest): string {
    const id = randomToken(16);
    this.pending.set(id, { ...request, expiresAt: this.now() + PENDING_LIFETIME_MS });
    return id;
  }

  peek(id: string | null | undefined): AuthorizationRequest | undefined {
    const entry = id ? this.pending.get(id) : undefined;
    if (!entry || entry.expiresAt <= this.now()) {
      return undefined;
    }
    return entry;
  }

  /** One decision per sign-in: a second click on Approve/Deny finds nothing. */
  take(id: string | null | undefined): AuthorizationRequest | undefined {
    const entry = this.peek(id);
    if (id) {
      this.pending.delete(id);
    }
    return entry;
  }
}

export class CodeStore {
  private readonly codes = new Map<string, AuthorizationCode>();

  constructor(
    private readonly now: () => number,
    private readonly lifetimeSeconds: () => number,
  ) {}

  issue(request: AuthorizationRequest, userId: string): AuthorizationCode {
    const code: AuthorizationCode = {
      ...request,
      userId,
      code: randomToken(24),
      expiresAt: this.now() + this.lifetimeSeconds() * 1000,
      used: false,
    };
    this.codes.set(code.code, code);
    return code;
  }

  find(code: string | undefined): AuthorizationCode | undefined {
    return code ? this.codes.get(code) : undefined;
  }
}
