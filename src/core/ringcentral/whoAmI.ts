// Who signed in: GET /restapi/v1.0/account/~/extension/~ (needs ReadAccounts). Without that permission the
// session still works; we fall back to the token's owner_id.
import { RingCentralClient, WHO_AM_I_PATH } from './ringcentralClient';
import type { SessionAccount } from '../session/session';
import type { TokenSet } from '../oauth/tokenSet';
import type { AttemptRecorder } from '../trace/trace';

interface ExtensionInfo {
  id?: number | string;
  extensionNumber?: string;
  name?: string;
  contact?: { firstName?: string; lastName?: string; email?: string };
  account?: { id?: number | string };
}

export interface WhoAmIResult {
  account: SessionAccount;
  /** Why the profile is unknown, when it is (kept for the trace and the tooltip). */
  problem?: Error;
}

export async function whoAmI(
  client: RingCentralClient,
  tokens: TokenSet,
  recorder?: AttemptRecorder,
): Promise<WhoAmIResult> {
  const fallbackId = tokens.ownerId ?? 'unknown';
  try {
    const info = await client.getJson<ExtensionInfo>(
      WHO_AM_I_PATH,
      tokens.accessToken,
      recorder,
      'Who signed in (GET /restapi/v1.0/account/~/extension/~)',
    );
    const name = info.name ?? [info.contact?.firstName, info.contact?.lastName].filter(Boolean).join(' ');
    const id = info.id !== undefined ? String(info.id) : fallbackId;
    return {
      account: {
        id,
        label: name || (info.extensionNumber ? `Ext. ${info.extensionNumber}` : `Extension ${id}`),
        extensionNumber: info.extensionNumber,
        email: info.contact?.email,
        accountId: info.account?.id !== undefined ? String(info.account.id) : undefined,
        profileKnown: true,
      },
    };
  } catch (error) {
    // Any failure (CMN-401 without ReadAccounts, a network error) leaves a working session under the owner id.
    const problem = error instanceof Error ? error : new Error(String(error));
    return { account: { id: fallbackId, label: `Extension ${fallbackId}`, profileKnown: false }, problem };
  }
}
