// Shared storage for the Auth-request budget and the pre-flight cache, so every window of this machine counts
// against the same RingCentral limit. The request log is one JSON-lines file per key in the global storage folder:
// appends from two windows never overwrite each other (O_APPEND); only pruning rewrites a file, rarely.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { type AuthLogEntry, type AuthRequestLog, isStale, validEntries } from '../../core/session/authRequestLog';
import type { PreflightCacheStore } from '../../core/oauth/preflightCache';

/** A file this big is not ours to trust (the log holds a handful of entries a minute). */
const MAX_LOG_BYTES = 256 * 1024;
/** Prune only when this many stale lines have piled up: each prune rewrites the file. */
const PRUNE_AFTER_STALE = 32;

export class FileAuthRequestLog implements AuthRequestLog {
  constructor(private readonly folder: string) {}

  async read(key: string): Promise<readonly unknown[]> {
    let text: string;
    try {
      const file = this.fileFor(key);
      const stat = await fs.stat(file);
      if (stat.size > MAX_LOG_BYTES) return [];
      text = await fs.readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const entries: unknown[] = [];
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      try {
        entries.push(JSON.parse(line));
      } catch {
        // A line cut short by a crash: skip it.
      }
    }
    return entries;
  }

  async append(key: string, entry: AuthLogEntry): Promise<void> {
    await fs.mkdir(this.folder, { recursive: true });
    await fs.appendFile(this.fileFor(key), `${JSON.stringify(entry)}\n`, { encoding: 'utf8', mode: 0o600 });
  }

  async prune(key: string, before: number): Promise<void> {
    const entries = validEntries(await this.read(key));
    const kept = entries.filter((entry) => !isStale(entry, before));
    if (entries.length - kept.length < PRUNE_AFTER_STALE) return;
    const file = this.fileFor(key);
    const temporary = `${file}.${process.pid}.tmp`;
    await fs.writeFile(temporary, kept.map((entry) => `${JSON.stringify(entry)}\n`).join(''), { mode: 0o600 });
    await fs.rename(temporary, file);
  }

  /** Keys hold server URLs and client ids: hashed, so no key can name a path. */
  private fileFor(key: string): string {
    return path.join(this.folder, `auth-${createHash('sha256').update(key).digest('hex').slice(0, 24)}.jsonl`);
  }
}

const PREFLIGHT_KEY = 'ringcentral.preflightAccepted.v1';

/** Accepted pre-flights in global state (shared by the windows of this machine). */
export function globalStatePreflightStore(state: vscode.Memento): PreflightCacheStore {
  const all = () => ({ ...(state.get<Record<string, number>>(PREFLIGHT_KEY) ?? {}) });
  return {
    read: async (key) => all()[key],
    write: async (key, acceptedAt) => {
      const entries = Object.entries({ ...all(), [key]: acceptedAt })
        .sort((a, b) => b[1] - a[1])
        .slice(0, 64);
      await state.update(PREFLIGHT_KEY, Object.fromEntries(entries));
    },
    remove: async (key) => {
      const entries = all();
      delete entries[key];
      await state.update(PREFLIGHT_KEY, entries);
    },
  };
}
