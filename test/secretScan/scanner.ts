// The secret scan: does any artefact (log line, trace, notification, webview state) contain a secret the tests
// created? A secret counts as found whole, URL-, form- or JSON-encoded, inside base64 (a Basic header), or as
// any run of WINDOW characters of it (a truncated body still leaks). Findings never carry the secret itself.

export interface Artefact {
  /** Where it came from, e.g. "log RingCentral.log" or "trace refresh #3". */
  name: string;
  text: string;
}

export interface SecretToFind {
  kind: string;
  value: string;
}

export interface Finding {
  artefact: string;
  kind: string;
  /** The secret's first 4 characters and its length: enough to tell which one, useless to an attacker. */
  masked: string;
  /** How it appeared: "as is", "URL-encoded", "inside base64", … */
  form: string;
}

export interface ScanReport {
  artefacts: number;
  secrets: number;
  /** Secrets too short to tell apart from ordinary text; not scanned. */
  tooShort: number;
  findings: Finding[];
}

/** Shorter secrets ("wrong", "x") would match ordinary words. */
export const MIN_SECRET_LENGTH = 8;
/** Longer secrets are found by any run of this many characters: a masked "eyJh…x9Q" never has one. */
export const WINDOW = 16;

interface Variant {
  secret: SecretToFind;
  form: string;
  text: string;
}

/** The characters of `value` as they appear inside base64 of any text around it, at each of the 3 alignments. */
function base64Cores(value: string): string[] {
  const cores: string[] = [];
  for (let pad = 0; pad < 3; pad++) {
    const encoded = Buffer.from('\0'.repeat(pad) + value, 'utf8')
      .toString('base64')
      .replace(/=+$/, '');
    // Drop the characters mixed with the padding at the start and with whatever follows at the end.
    const start = Math.ceil((pad * 4) / 3);
    const end = Math.floor(((pad + Buffer.byteLength(value)) * 4) / 3);
    if (end - start >= MIN_SECRET_LENGTH) cores.push(encoded.slice(start, end));
  }
  return cores;
}

function variantsOf(secret: SecretToFind): Variant[] {
  const { value } = secret;
  const forms: Array<[string, string]> = [
    ['as is', value],
    ['URL-encoded', encodeURIComponent(value)],
    ['form-encoded', new URLSearchParams({ v: value }).toString().slice(2)],
    ['JSON-escaped', JSON.stringify(value).slice(1, -1)],
    ...base64Cores(value).map((core): [string, string] => ['inside base64', core]),
    ...base64Cores(value).map((core): [string, string] => [
      'inside base64url',
      core.replace(/\+/g, '-').replace(/\//g, '_'),
    ]),
  ];
  const seen = new Set<string>();
  const variants: Variant[] = [];
  for (const [form, text] of forms) {
    if (seen.has(text)) continue;
    seen.add(text);
    variants.push({ secret, form, text });
  }
  return variants;
}

export function maskForReport(value: string): string {
  return `${value.slice(0, 4)}… (${value.length} characters)`;
}

/** Linear in the size of the artefacts: one lookup per position, whatever the number of secrets. */
export function scanForSecrets(artefacts: readonly Artefact[], secrets: readonly SecretToFind[]): ScanReport {
  const unique = new Map<string, SecretToFind>();
  for (const secret of secrets) if (!unique.has(secret.value)) unique.set(secret.value, secret);
  const scanned = [...unique.values()].filter((secret) => secret.value.length >= MIN_SECRET_LENGTH);
  const windows = new Map<string, Variant>();
  const whole: Variant[] = [];
  for (const variant of scanned.flatMap(variantsOf)) {
    if (variant.text.length < WINDOW) {
      whole.push(variant);
      continue;
    }
    for (let at = 0; at + WINDOW <= variant.text.length; at++) {
      const run = variant.text.slice(at, at + WINDOW);
      if (!windows.has(run)) windows.set(run, variant);
    }
  }
  const findings: Finding[] = [];
  for (const artefact of artefacts) {
    const reported = new Set<string>();
    const report = (variant: Variant): void => {
      const key = `${variant.secret.value}\0${variant.form}`;
      if (reported.has(key)) return;
      reported.add(key);
      findings.push({
        artefact: artefact.name,
        kind: variant.secret.kind,
        masked: maskForReport(variant.secret.value),
        form: variant.form,
      });
    };
    for (const variant of whole) if (artefact.text.includes(variant.text)) report(variant);
    if (windows.size === 0) continue;
    for (let at = 0; at + WINDOW <= artefact.text.length; at++) {
      const variant = windows.get(artefact.text.slice(at, at + WINDOW));
      if (variant) report(variant);
    }
  }
  return { artefacts: artefacts.length, secrets: unique.size, tooShort: unique.size - scanned.length, findings };
}

/** "secret scan (integration): 412 artefacts, 95 secrets, 0 found", then one line per finding. */
export function describeScan(label: string, report: ScanReport): string {
  const head = `secret scan (${label}): ${report.artefacts} artefacts, ${report.secrets} secrets${report.tooShort ? ` (${report.tooShort} under ${MIN_SECRET_LENGTH} characters not scanned)` : ''}, ${report.findings.length} found`;
  const lines = report.findings
    .slice(0, 50)
    .map((finding) => `  ${finding.kind} ${finding.masked} ${finding.form} in ${finding.artefact}`);
  if (report.findings.length > 50) lines.push(`  … and ${report.findings.length - 50} more`);
  return [head, ...lines].join('\n');
}
