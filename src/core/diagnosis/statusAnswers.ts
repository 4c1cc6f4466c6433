// Picks the entry for a bare HTTP status or a transport error from what the entries declare (answersStatuses,
// answersTransport), so the knowledge of which status means what lives on the entries, not in a ladder here.
import type { TransportErrorCode } from '../errors';
import type { AnswerBody, KnowledgeEntry, StatusAnswer } from './entryKit';

interface StatusRule {
  entry: KnowledgeEntry;
  matches(status: number, body: AnswerBody): boolean;
  /** Lower wins: a rule for some bodies before one for all, one status before a range, a narrow range first. */
  rank: [bodySpecific: number, width: number];
}

function toRule(entry: KnowledgeEntry, answer: StatusAnswer): StatusRule {
  const rule = typeof answer === 'number' ? { status: answer } : answer;
  const bodies = rule.body;
  const bodyOk = (body: AnswerBody) => !bodies || bodies.includes(body);
  const bodyRank = bodies ? 0 : 1;
  if ('status' in rule) {
    return { entry, matches: (status, body) => status === rule.status && bodyOk(body), rank: [bodyRank, 0] };
  }
  const below = rule.below ?? Number.POSITIVE_INFINITY;
  return {
    entry,
    matches: (status, body) => status >= rule.from && status < below && !rule.except?.includes(status) && bodyOk(body),
    rank: [bodyRank, below - rule.from],
  };
}

/** The lookups diagnose() uses for a status with nothing more specific, and for a failure with no HTTP answer. */
export function answerLookups(
  entries: readonly KnowledgeEntry[],
  fallbacks: { status: KnowledgeEntry; transport: KnowledgeEntry },
) {
  const rules = entries
    .flatMap((entry) => (entry.answersStatuses ?? []).map((answer) => toRule(entry, answer)))
    // Array.prototype.sort is stable: equal ranks keep the entries' order.
    .sort((a, b) => a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1]);

  const transport = new Map<string, KnowledgeEntry>();
  for (const entry of entries) {
    for (const answer of entry.answersTransport ?? []) {
      const key = typeof answer === 'string' ? answer : `${answer.code} loopback`;
      if (transport.has(key)) {
        throw new Error(`knowledge base: transport error ${key} has two entries`);
      }
      transport.set(key, entry);
    }
  }

  return {
    /** For an HTTP status with no code, error or message we know. `html`: the body is an HTML page. */
    findByStatus(
      status: number | undefined,
      options: { html?: boolean; fromJson?: boolean } = {},
    ): KnowledgeEntry | undefined {
      if (status === undefined || !Number.isFinite(status)) {
        return undefined;
      }
      const body: AnswerBody = options.html ? 'html' : options.fromJson ? 'json' : 'other';
      return rules.find((rule) => rule.matches(status, body))?.entry ?? fallbacks.status;
    },

    /** For a failure with no HTTP answer; `loopback`: the request went to this machine. */
    findTransport(code: TransportErrorCode, loopback: boolean): KnowledgeEntry {
      return (loopback ? transport.get(`${code} loopback`) : undefined) ?? transport.get(code) ?? fallbacks.transport;
    },
  };
}
