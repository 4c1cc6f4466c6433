// The wrappers read before the main parser: each turns its format into an HTTP response or JSON body.
// Order: the most specific format first.
import { readHar } from './har';
import type { PasteFormatReader, Unwrapped } from './types';
import { readUnquotedKeys } from './unquotedKeys';

const READERS: readonly PasteFormatReader[] = [readHar, readUnquotedKeys];

export function unwrapPaste(text: string): Unwrapped | undefined {
  for (const read of READERS) {
    try {
      const unwrapped = read(text);
      if (unwrapped) {
        return unwrapped;
      }
    } catch {
      // A reader that fails leaves the paste to the next one.
    }
  }
  return undefined;
}

export type { Unwrapped } from './types';
