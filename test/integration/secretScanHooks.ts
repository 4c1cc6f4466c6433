// Root hooks of the integration suite (loaded by .mocharc.integration.json): the secret scan. While the suite
// runs, every emulator reports the secrets it issued or was sent, and this file keeps what the extension's core
// produced for a user to see: each traced exchange and attempt (what the log, the panel and globalState show), each
// diagnosis and each error message explained (what notifications show). At the end all of it is scanned for
// those secrets; one found fails the suite.
import * as diagnoseModule from '../../src/core/diagnosis/diagnose';
import * as fromErrorModule from '../../src/core/diagnosis/fromError';
import * as pkceModule from '../../src/core/oauth/pkce';
import { AttemptRecorder, FlowAttempt } from '../../src/core/trace/trace';
import * as transportModule from '../../src/core/ringcentral/transport';
import { SecretLedger, watchEmulatorSecrets } from '../../emulator/secretLedger';
import { Artefact, describeScan, scanForSecrets } from '../secretScan/scanner';

interface Produced {
  what: string;
  test: string;
  value: unknown;
}

let currentTest = '(outside a test)';
const attempts = new Map<FlowAttempt, string>();
const produced: Produced[] = [];
const verifiers = new SecretLedger();
let watch: ReturnType<typeof watchEmulatorSecrets> | undefined;
const restore: Array<() => void> = [];

/** Replaces a function on a module's exports (tsc's CommonJS calls read them at call time) until restored. */
function wrapExport<M, K extends keyof M>(module: M, name: K, wrapper: (original: M[K]) => M[K]): void {
  const original = module[name];
  (module as Record<K, M[K]>)[name] = wrapper(original);
  restore.push(() => {
    (module as Record<K, M[K]>)[name] = original;
  });
}

function wrapMethod<K extends 'add' | 'diagnoseLastFailure' | 'finish'>(name: K): void {
  const prototype = AttemptRecorder.prototype as unknown as Record<
    K,
    (this: AttemptRecorder, ...args: unknown[]) => unknown
  >;
  const original = prototype[name];
  prototype[name] = function (this: AttemptRecorder, ...args: unknown[]) {
    if (!attempts.has(this.attempt)) attempts.set(this.attempt, currentTest);
    return original.apply(this, args);
  };
  restore.push(() => {
    prototype[name] = original;
  });
}

function startCollecting(): void {
  watch = watchEmulatorSecrets();
  for (const name of ['add', 'diagnoseLastFailure', 'finish'] as const) wrapMethod(name);
  // The extension traces every exchange; many tests pass no recorder, so one is added: every request the suite
  // makes through the client is traced by the real trace code and scanned.
  wrapExport(
    transportModule,
    'exchange',
    (original) => (url, init, options) =>
      original(
        url,
        init,
        options.recorder
          ? options
          : { ...options, recorder: new AttemptRecorder('apiProbe', Date.now, { server: new URL(url).origin }) },
      ),
  );
  wrapExport(diagnoseModule, 'diagnose', (original) => (failure, context) => {
    const diagnosis = original(failure, context);
    produced.push({ what: `diagnosis ${diagnosis.id}`, test: currentTest, value: diagnosis });
    return diagnosis;
  });
  wrapExport(fromErrorModule, 'failureFromError', (original) => (error) => {
    const failure = original(error);
    produced.push({
      what: 'error explained',
      test: currentTest,
      value: { message: error instanceof Error ? error.message : String(error), failure },
    });
    return failure;
  });
  wrapExport(pkceModule, 'createPkcePair', (original) => () => {
    const pair = original();
    verifiers.add('code verifier', pair.verifier);
    return pair;
  });
}

export function collectedArtefacts(): Artefact[] {
  const artefacts: Artefact[] = [];
  let index = 0;
  for (const [attempt, test] of attempts) {
    const title = attempt.steps[0]?.title ?? attempt.kind;
    artefacts.push({ name: `trace #${++index} "${title}" (test "${test}")`, text: JSON.stringify(attempt) });
  }
  for (const item of produced)
    artefacts.push({ name: `${item.what} (test "${item.test}")`, text: JSON.stringify(item.value) });
  return artefacts;
}

export const mochaHooks = {
  beforeAll(): void {
    startCollecting();
  },
  beforeEach(this: Mocha.Context): void {
    currentTest = this.currentTest?.fullTitle() ?? currentTest;
  },
  afterAll(): void {
    const secrets = [...(watch?.ledger.list() ?? []), ...verifiers.list()];
    watch?.stop();
    for (const undo of restore.splice(0).reverse()) undo();
    const artefacts = collectedArtefacts();
    const report = scanForSecrets(artefacts, secrets);
    console.log(`\n${describeScan('integration', report)}`);
    if (artefacts.length === 0 || secrets.length === 0) {
      throw new Error(
        'secret scan: nothing was collected, so nothing was checked (are the hooks loaded before the suite?)',
      );
    }
    if (report.findings.length > 0) {
      throw new Error(
        `secret scan: ${report.findings.length} secret(s) found in what the extension produced (listed above)`,
      );
    }
  },
};
