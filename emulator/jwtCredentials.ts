// JWT credentials as the Developer Console creates them for a user: opaque to clients, remembered here.
import { randomBytes } from 'node:crypto';
import { base64Url, randomToken } from './random';
import { DemoUser } from './types';

function encodeJson(value: unknown): string {
  return base64Url(Buffer.from(JSON.stringify(value), 'utf8'));
}

export class JwtCredentials {
  /** credential → client id it is restricted to (undefined: any app of the account). */
  private readonly credentials = new Map<string, string | undefined>();

  constructor(
    private readonly now: () => number,
    private readonly user: DemoUser,
  ) {}

  create(issuer: string, clientId?: string): string {
    const header = { kid: randomToken(12), alg: 'RS256', typ: 'JWT' };
    const payload = {
      aud: `${issuer}/restapi/oauth/token`,
      sub: this.user.id,
      iss: issuer,
      iat: Math.floor(this.now() / 1000),
      jti: randomToken(16),
    };
    const credential = `${encodeJson(header)}.${encodeJson(payload)}.${base64Url(randomBytes(256))}`;
    this.credentials.set(credential, clientId);
    return credential;
  }

  isValidFor(credential: string | undefined, clientId: string): boolean {
    if (!credential || !this.credentials.has(credential)) {
      return false;
    }
    const restrictedTo = this.credentials.get(credential);
    return restrictedTo === undefined || restrictedTo === clientId;
  }
}
