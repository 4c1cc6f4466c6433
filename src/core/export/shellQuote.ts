// Literal strings for the two shells "Copy as curl" writes for. Both use the quoting that interprets nothing:
// no variable, command or escape expansion inside, so a hostile value reaches the program byte for byte.

/**
 * A bash (and POSIX sh) single-quoted word. Inside '…' every byte is literal — `$(…)`, backticks, `\`, `!`, newlines —
 * except the quote itself, which is closed, escaped and reopened: ' → '\''. NUL cannot be in an argument at all.
 */
export function bashQuote(value: string): string {
  if (value.includes('\0')) throw new RangeError('A NUL character cannot be passed in a shell argument');
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * A PowerShell verbatim (single-quoted) string: no `$` or backtick expansion. PowerShell also treats the typographic
 * quotes ‘ ’ ‚ ‛ as single quotes, so each of those is doubled too, or a pasted value could end the string early.
 */
export function powershellQuote(value: string): string {
  return `'${value.replace(/['\u2018\u2019\u201a\u201b]/g, (quote) => quote + quote)}'`;
}

/** A bash word that expands one environment variable, inside double quotes (no word splitting, no globbing). */
export function bashVariable(name: string): string {
  return `"$${name}"`;
}
