// What a load from storage means for the sessions in memory, and when to try again after a failed read.
import { isNewerSession, StoredSession } from './session';
import type { SessionChange } from './sessionPorts';

/**
 * The stored sessions merged into memory: the newer copy of each wins; one being deleted stays gone; one only in
 * memory (its write failed or is under way) is kept, so our own write's change event cannot drop it; any other
 * that storage no longer has was signed out in another window.
 */
export function mergeStoredSessions(
  memory: readonly StoredSession[],
  stored: readonly StoredSession[],
  keep: { removing: ReadonlySet<string>; onlyInMemory: (id: string) => boolean },
): { sessions: StoredSession[]; changes: SessionChange[] } {
  const before = new Map(memory.map((session) => [session.id, session]));
  const sessions: StoredSession[] = [];
  const changes: SessionChange[] = [];
  for (const session of stored) {
    const old = before.get(session.id);
    before.delete(session.id);
    if (keep.removing.has(session.id)) continue;
    const newest = old && isNewerSession(old, session) ? old : session;
    sessions.push(newest);
    if (!old) changes.push({ type: 'added', session: newest });
    else if (JSON.stringify(old) !== JSON.stringify(newest)) changes.push({ type: 'changed', session: newest });
  }
  for (const session of before.values()) {
    if (keep.onlyInMemory(session.id)) sessions.push(session);
    else changes.push({ type: 'removed', session, reason: 'signOut' });
  }
  return { sessions, changes };
}

export interface ReadProblem {
  error: Error;
  failures: number;
  nextRetryAt: number;
}

/** The pause grows with each failed read (5 s, 15 s, 30 s, 1 min, then every 5 min). */
export function nextReadProblem(
  previous: ReadProblem | undefined,
  error: Error,
  delays: readonly number[],
  now: number,
): ReadProblem {
  const failures = (previous?.failures ?? 0) + 1;
  return { error, failures, nextRetryAt: now + delays[Math.min(failures - 1, delays.length - 1)] };
}
