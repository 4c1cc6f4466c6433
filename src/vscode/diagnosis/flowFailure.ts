// A failed attempt as the UI needs it: the diagnosis, and the trace it belongs to.
import type { Diagnosis } from '../../core/diagnosis/types';

export class FlowFailure extends Error {
  constructor(
    readonly diagnosis: Diagnosis,
    readonly attemptId: string | undefined,
    readonly original: unknown,
  ) {
    super(diagnosis.summary);
    this.name = 'FlowFailure';
  }
}
