// Builds a RingCentral client for a server + app, with the stored client secret and the configured timeout.
import { RingCentralClient } from '../../core/ringcentral/ringcentralClient';
import { nodeFetchAdapter } from './httpFetch';
import { readSettings } from '../settings';
import type { ClientSecrets } from '../secretStore';
import type { AuthBudget } from '../../core/session/authBudget';
import { profileBudgetKey } from '../session/authBudgetView';

export class ClientFactory {
  constructor(
    private readonly secrets: ClientSecrets,
    private readonly userAgent: string,
    /** Counts Auth requests per profile across windows and refuses the one that would start RingCentral's penalty. */
    private readonly budget?: AuthBudget,
  ) {}

  async create(app: { server: string; clientId: string; profileId?: string }): Promise<RingCentralClient> {
    return new RingCentralClient({
      fetch: nodeFetchAdapter,
      server: app.server,
      clientId: app.clientId,
      clientSecret: await this.secrets.get(app.server, app.clientId),
      timeoutMs: readSettings().requestTimeoutMs,
      userAgent: this.userAgent,
      authRequests: this.budget?.hooks(profileBudgetKey(app)),
    });
  }
}
