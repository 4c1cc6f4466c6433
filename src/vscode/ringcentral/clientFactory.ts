// Builds a RingCentral client for a server + app, with the stored client secret and the configured timeout.
import { RingCentralClient } from '../../core/ringcentral/ringcentralClient';
import { nodeFetchAdapter } from './httpFetch';
import { readSettings } from '../settings';
import type { ClientSecrets } from '../secretStore';

export class ClientFactory {
  constructor(
    private readonly secrets: ClientSecrets,
    private readonly userAgent: string,
  ) {}

  async create(app: { server: string; clientId: string; profileId?: string }): Promise<RingCentralClient> {
    return new RingCentralClient({
      fetch: nodeFetchAdapter,
      server: app.server,
      clientId: app.clientId,
      clientSecret: await this.secrets.get(app.server, app.clientId),
      timeoutMs: readSettings().requestTimeoutMs,
      userAgent: this.userAgent,
    });
  }
}
