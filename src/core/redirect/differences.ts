// Collects the differences found between two URIs: one entry per kind, most important first.
import { MISMATCH_KIND_LABELS, MismatchDifference, MismatchKind } from './mismatch';

const PRIORITY: readonly MismatchKind[] = [
  'exact-match',
  'not-a-url',
  'dynamic-host',
  'whitespace',
  'wildcard',
  'scheme',
  'editor-scheme',
  'http-vs-https',
  'userinfo',
  'host',
  'loopback-host',
  'missing-port',
  'port',
  'path',
  'trailing-slash',
  'percent-encoding',
  'letter-case',
  'query',
  'fragment',
];

export class Differences {
  /** Per kind: the findings, and the advice said once at the end. */
  private readonly byKind = new Map<MismatchKind, { findings: string[]; advice: string[] }>();

  add(kind: MismatchKind, finding: string, advice?: string): void {
    let entry = this.byKind.get(kind);
    if (!entry) {
      entry = { findings: [], advice: [] };
      this.byKind.set(kind, entry);
    }
    entry.findings.push(finding);
    if (advice !== undefined && !entry.advice.includes(advice)) entry.advice.push(advice);
  }

  get size(): number {
    return this.byKind.size;
  }

  list(): MismatchDifference[] {
    return [...this.byKind.entries()]
      .sort(([a], [b]) => PRIORITY.indexOf(a) - PRIORITY.indexOf(b))
      .map(([kind, { findings, advice }]) => ({
        kind,
        label: MISMATCH_KIND_LABELS[kind],
        explanation: [...findings, ...advice].join(' '),
      }));
  }
}
