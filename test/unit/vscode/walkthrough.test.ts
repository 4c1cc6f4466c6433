// The walkthrough in package.json and the code that ticks its steps name the same context keys; every step's page
// exists; every command a step runs is one this extension contributes.
import * as assert from 'assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { COMMANDS } from '../../../src/vscode/commandIds';
import { WALKTHROUGH_CONTEXT_KEYS, WALKTHROUGH_ID } from '../../../src/vscode/walkthrough/walkthroughKeys';

const root = path.resolve(__dirname, '..', '..', '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  contributes: {
    walkthroughs: Array<{
      id: string;
      steps: Array<{ id: string; description: string; media: { markdown?: string }; completionEvents: string[] }>;
    }>;
  };
};

describe('walkthrough', () => {
  const walkthrough = manifest.contributes.walkthroughs.find((entry) => entry.id === WALKTHROUGH_ID);

  it('is contributed under the id the code opens', () => {
    assert.ok(walkthrough, `package.json has no walkthrough ${WALKTHROUGH_ID}`);
  });

  it('completes its steps on the context keys the extension sets, each key used once', () => {
    const onContext = walkthrough!.steps.flatMap((step) =>
      step.completionEvents.filter((event) => event.startsWith('onContext:')).map((event) => event.slice(10)),
    );
    assert.deepEqual([...onContext].sort(), Object.values(WALKTHROUGH_CONTEXT_KEYS).sort());
    // Only the first step (a link to the Developer Console) may complete without a real event.
    for (const step of walkthrough!.steps.slice(1)) {
      assert.ok(
        step.completionEvents.every((event) => event.startsWith('onContext:')),
        `${step.id}: ${step.completionEvents.join(', ')}`,
      );
    }
  });

  it('has a page for each step, and every command link names a real command', () => {
    const known = new Set<string>(Object.values(COMMANDS));
    for (const step of walkthrough!.steps) {
      const page = step.media.markdown;
      assert.ok(page && fs.existsSync(path.join(root, page)), `${step.id}: ${page}`);
      const text = `${step.description}\n${fs.readFileSync(path.join(root, page), 'utf8')}`;
      for (const match of text.matchAll(/command:([\w.]+)/g)) {
        assert.ok(known.has(match[1]), `${step.id} links to unknown command ${match[1]}`);
      }
    }
  });
});
