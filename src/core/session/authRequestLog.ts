// Where the Auth-request budget keeps its counts: a port the VS Code layer backs with a file in the global storage
// folder, so every window (and process) counts against the same RingCentral limit. Append-only, so two windows
// never overwrite each other's requests; pruning drops only what has aged out. An in-memory log for one process.
import type { AuthRequestKind } from '../errors';

export type AuthLogEntry =
  /** One Auth request this extension sent (or was about to send), with a random id to tell windows apart. */
  | { type: 'request'; at: number; kind: AuthRequestKind; id: string }
  /** RingCentral answered 429: no Auth request until `until` (its penalty restarts on each one made during it). */
  | { type: 'penalty'; at: number; until: number };

export interface AuthRequestLog {
  /** The key's entries, in any order. May throw (storage unreadable): the budget then counts what it knows. */
  read(key: string): Promise<readonly unknown[]>;
  /** Adds one entry for the key. */
  append(key: string, entry: AuthLogEntry): Promise<void>;
  /**
   * Drops the key's requests sent before `before` and penalties that ended before it (see `isStale`), and the key
   * when nothing is left. The budget calls it with "now minus the window": those no longer count.
   */
  prune(key: string, before: number): Promise<void>;
}

/** A hostile or corrupt store is not trusted beyond this many entries per key. */
export const MAX_ENTRIES_READ = 1_000;

const AUTH_REQUEST_KINDS: ReadonlySet<string> = new Set([
  'authorize',
  'preflight',
  'token',
  'jwt',
  'refresh',
  'revoke',
]);

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** The well-formed entries among what a store returned (the newest MAX_ENTRIES_READ). */
export function validEntries(raw: readonly unknown[] | unknown): AuthLogEntry[] {
  if (!Array.isArray(raw)) return [];
  const out: AuthLogEntry[] = [];
  for (const item of raw.slice(-MAX_ENTRIES_READ)) {
    if (typeof item !== 'object' || item === null) continue;
    const entry = item as Record<string, unknown>;
    if (
      entry.type === 'request' &&
      finite(entry.at) &&
      typeof entry.kind === 'string' &&
      AUTH_REQUEST_KINDS.has(entry.kind) &&
      typeof entry.id === 'string'
    ) {
      out.push({ type: 'request', at: entry.at, kind: entry.kind as AuthRequestKind, id: entry.id.slice(0, 64) });
    } else if (entry.type === 'penalty' && finite(entry.at) && finite(entry.until)) {
      out.push({ type: 'penalty', at: entry.at, until: entry.until });
    }
  }
  return out;
}

/** What `prune(key, before)` drops: a request sent before `before`, a penalty that ended before it. */
export function isStale(entry: AuthLogEntry, before: number): boolean {
  return (entry.type === 'request' ? entry.at : entry.until) < before;
}

/** One process's log: for tests, and for the extension when no shared storage is available. Bounded. */
export class MemoryAuthRequestLog implements AuthRequestLog {
  private readonly entries = new Map<string, AuthLogEntry[]>();

  constructor(
    private readonly maxEntriesPerKey = 64,
    private readonly maxKeys = 256,
  ) {}

  async read(key: string): Promise<readonly AuthLogEntry[]> {
    return [...(this.entries.get(key) ?? [])];
  }

  async append(key: string, entry: AuthLogEntry): Promise<void> {
    const list = this.entries.get(key) ?? [];
    list.push(entry);
    if (list.length > this.maxEntriesPerKey) list.splice(0, list.length - this.maxEntriesPerKey);
    // Re-inserted as the most recently used key; the least recently used go first.
    this.entries.delete(key);
    this.entries.set(key, list);
    while (this.entries.size > this.maxKeys) this.entries.delete(this.entries.keys().next().value as string);
  }

  async prune(key: string, before: number): Promise<void> {
    const kept = (this.entries.get(key) ?? []).filter((entry) => !isStale(entry, before));
    if (kept.length === 0) this.entries.delete(key);
    else this.entries.set(key, kept);
  }

  /** For tests: how many keys are held. */
  get size(): number {
    return this.entries.size;
  }
}
