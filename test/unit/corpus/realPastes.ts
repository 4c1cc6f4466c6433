// Real RingCentral error pastes, each traced to a public source (collected for issue 9).
// Text is kept as found (trimmed to the relevant lines); none of them contains a live token or secret.
// `expected.newEntry` marks ids the knowledge base does not have yet (see NOTES.md). The pastes live in pastes/, one
// file per wrapper format; this file names their shape and gathers them.
import { JSON_PASTES } from './pastes/jsonPastes';
import { MESSAGE_ONLY_PASTES } from './pastes/messageOnlyPastes';
import { SDK_PASTES } from './pastes/sdkPastes';
import { BROWSER_AND_HTTP_PASTES } from './pastes/browserAndHttpPastes';

export interface RealPaste {
  source: string;
  format: string;
  text: string;
  expected: { code: string | null; id: string; permission?: string; newEntry?: boolean };
}

/** Every real paste, in one list. */
export const REAL_PASTES: RealPaste[] = [
  ...JSON_PASTES,
  ...MESSAGE_ONLY_PASTES,
  ...SDK_PASTES,
  ...BROWSER_AND_HTTP_PASTES,
];
