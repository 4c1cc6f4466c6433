// The prefixes of RingCentral's error codes that a paste may carry bare (OAU-113, SUB-524, AGW-402…).
// OAU, CMN, AGW and SUB are named in the facts file; MSG and EXT appear in real pastes (MSG-304, EXT-413).
export const CODE_PREFIXES = ['OAU', 'CMN', 'AGW', 'SUB', 'MSG', 'EXT'] as const;

const ALTERNATION = CODE_PREFIXES.join('|');

/** `OAU-113`, case-insensitive, as a whole value (for errorCode fields). */
export const SPECIFIC_CODE = new RegExp(`^(?:${ALTERNATION})-\\d{1,4}$`, 'i');

/** The first `XXX-nnn` code in a text; group 1 is the code. Linear: a fixed alternation and a bounded digit run. */
export const CODE_IN_TEXT = new RegExp(`\\b((?:${ALTERNATION})-\\d{1,4})\\b`, 'i');

/** Top-level codes that only name a family; a more specific code or message says more. */
export const GENERIC_TOP_LEVEL_CODES = new Set([
  'insufficientpermissions',
  'invalidparameter',
  'tokeninvalid',
  'featurenotavailable',
]);

export function normalizeCode(code: string): string {
  return /^[a-z]{3}-\d+$/i.test(code) ? code.toUpperCase() : code;
}
