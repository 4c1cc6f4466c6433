// The exact secret values this extension sent or received (tokens, codes, verifiers, client secrets).
// Whoever sends a secret registers it; masking then redacts that value wherever it shows up — in a server's
// echo, a pasted log, a note — whatever the key around it is called.

/** Shorter values are common words or ids; registering them would mask ordinary text. */
export const MIN_REGISTERED_SECRET_LENGTH = 8;
/** The newest values are kept; a long-running window must not grow this without bound. */
const MAX_REGISTERED_SECRETS = 256;

const values = new Set<string>();

export function registerSecret(value: string | undefined | null): void {
  if (typeof value !== 'string' || value.length < MIN_REGISTERED_SECRET_LENGTH) return;
  values.delete(value); // re-insert as the newest
  values.add(value);
  const encoded = encodeURIComponent(value);
  if (encoded !== value) {
    values.delete(encoded);
    values.add(encoded);
  }
  while (values.size > MAX_REGISTERED_SECRETS) {
    values.delete(values.values().next().value as string);
  }
}

/** Longest first, so a value that contains another is replaced whole. */
export function registeredSecrets(): string[] {
  return [...values].sort((a, b) => b.length - a.length);
}

/** For tests. */
export function clearRegisteredSecrets(): void {
  values.clear();
}
