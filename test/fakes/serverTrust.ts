// ServerTrust with the real policy, a memory in a Set (globalState in the extension) and a scripted user.
import { ServerTrust, TrustRequest } from '../../src/core/ringcentral/serverTrust';

export interface ScriptedTrust {
  trust: ServerTrust;
  /** Every confirmation the user was asked for. */
  asked: TrustRequest[];
  remembered: Set<string>;
}

/** `answer`: what the user clicks; absent, being asked at all fails the test (loopback and RingCentral never ask). */
export function scriptedServerTrust(answer?: (request: TrustRequest) => boolean): ScriptedTrust {
  const asked: TrustRequest[] = [];
  const remembered = new Set<string>();
  const trust = new ServerTrust({
    memory: { has: (host) => remembered.has(host), add: async (host) => void remembered.add(host) },
    confirm: async (request) => {
      asked.push(request);
      if (!answer) throw new Error(`unexpected trust prompt for ${request.host}`);
      return answer(request);
    },
  });
  return { trust, asked, remembered };
}
