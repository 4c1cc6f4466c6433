// The text of the read-only editor Try an API Call opens: the answer's body, pretty-printed, masked (an answer may
// echo a token; ours never reaches it), bounded so a huge answer cannot freeze the editor.
import { maskJsonValue, maskSecretsInText } from '../trace/mask';
import type { ApiResponse } from './ringcentralClient';

const MAX_TEXT = 2_000_000;

export interface ApiResponseDocument {
  /** The editor tab's name: method, path and status, e.g. "GET ∕restapi∕v1.0∕account∕~∕extension∕~ 200.json". */
  name: string;
  /** 'json' unless the answer is not JSON. */
  language: 'json' | 'plaintext';
  text: string;
}

function bounded(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}\n… (${text.length - MAX_TEXT} more characters)` : text;
}

export function apiResponseDocument(method: string, path: string, response: ApiResponse): ApiResponseDocument {
  // A slash would make folders of the name; U+2215 looks the same in the tab.
  const shownPath = path.replace(/[?#].*$/s, '').replace(/\//g, '\u2215');
  const base = `${method} ${shownPath} ${response.status}`;
  if (response.json !== undefined) {
    return {
      name: `${base}.json`,
      language: 'json',
      text: bounded(JSON.stringify(maskJsonValue(response.json), null, 2)),
    };
  }
  if (response.text.trim() === '') {
    const empty = { status: response.status, body: null, note: 'RingCentral answered without a body.' };
    return { name: `${base}.json`, language: 'json', text: JSON.stringify(empty, null, 2) };
  }
  if (/^(audio|video|image)\/|octet-stream|pdf|zip/i.test(response.contentType)) {
    const binary = {
      status: response.status,
      contentType: response.contentType,
      length: response.text.length,
      note: 'Binary content is not shown here.',
    };
    return { name: `${base}.json`, language: 'json', text: JSON.stringify(binary, null, 2) };
  }
  return { name: `${base}.txt`, language: 'plaintext', text: bounded(maskSecretsInText(response.text)) };
}
