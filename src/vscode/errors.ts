// Every error class the VS Code layer throws, in one place (core's are in ../core/errors.ts). One that wraps another
// failure hands it to Error's own ES2022 `cause`.
import type { Diagnosis } from '../core/diagnosis/types';

/** A failed attempt as the UI needs it: the diagnosis, and the trace it belongs to; `cause` is what was thrown. */
export class FlowFailure extends Error {
  constructor(
    readonly diagnosis: Diagnosis,
    readonly attemptId: string | undefined,
    cause: unknown,
  ) {
    super(diagnosis.summary, { cause });
    this.name = 'FlowFailure';
  }
}

/** The user closed the progress notification or the paste box; not an error to explain. */
export class SignInCancelledError extends Error {
  constructor() {
    super('Sign-in cancelled.');
    this.name = 'SignInCancelledError';
  }
}

export class SignInTimeoutError extends Error {
  constructor(seconds: number) {
    super(
      `No answer from the browser within ${seconds} s. If the browser showed an error, run "RingCentral: Open Diagnostics"; otherwise sign in again.`,
    );
    this.name = 'SignInTimeoutError';
  }
}

/** Settings that stop Sign In before anything is sent. */
export class SetupError extends Error {
  constructor(
    message: string,
    readonly setting: 'server' | 'clientId' | 'redirect.loopbackPort',
  ) {
    super(message);
    this.name = 'SetupError';
  }
}

/** The registered loopback port is taken; a random one would not match the registered redirect URI. */
export class LoopbackPortBusyError extends Error {
  constructor(readonly port: number) {
    super(
      `Port ${port} on 127.0.0.1 is already in use, so the loopback redirect cannot listen there. Close the program using it, or pick another port in "ringcentral.redirect.loopbackPort" and register http://127.0.0.1:<port>/callback on your app.`,
    );
    this.name = 'LoopbackPortBusyError';
  }
}
