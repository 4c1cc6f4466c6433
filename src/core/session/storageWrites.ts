// SessionManager's storage writes: one at a time in this window, and each retried after a pause when it fails.

export class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve();

  /** Runs the task after every task queued before it, whether they succeeded or not. */
  run<T>(task: () => Promise<T>): Promise<T> {
    const run = this.tail.then(task, task);
    this.tail = run.catch(() => undefined);
    return run;
  }
}

/** Runs the write, and again after each pause while it fails; returns the last error if every try failed. */
export async function writeWithRetries(
  write: () => Promise<void>,
  delays: readonly number[],
): Promise<Error | undefined> {
  for (let attempt = 0; ; attempt++) {
    try {
      await write();
      return undefined;
    } catch (error) {
      if (attempt >= delays.length) return asError(error);
      await new Promise((resolve) => setTimeout(resolve, delays[attempt]));
    }
  }
}

export function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
