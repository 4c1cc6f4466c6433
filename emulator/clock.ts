// The emulator's clock: an injectable base plus an offset tests push forward to expire codes and tokens.

export class Clock {
  private offsetMs = 0;

  constructor(private readonly base: () => number = Date.now) {}

  now(): number {
    return this.base() + this.offsetMs;
  }

  advance(seconds: number): void {
    if (!Number.isFinite(seconds) || seconds < 0) {
      throw new Error('advanceClock needs a non-negative number of seconds');
    }
    this.offsetMs += seconds * 1000;
  }
}
