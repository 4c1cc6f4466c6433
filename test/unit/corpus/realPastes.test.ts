// The corpus of real pastes (realPastes.ts, each with its public source): every one must get the expected
// RingCentral code, knowledge-base id and permission from parseFailureText + diagnose — what
// "RingCentral: Explain Error" runs. Prints the count so a shrinking corpus is visible in the test output.
import * as assert from 'node:assert/strict';
import { diagnose, knownIds } from '../../../src/core/diagnosis/diagnose';
import { parseFailureText } from '../../../src/core/diagnosis/parseFailureText';
import { REAL_PASTES, type RealPaste } from './realPastes';

const MIN_PASTES = 60;
const MIN_FORMAT_FAMILIES = 8;

/** php-guzzle, php-apiexception … → php: the wrapper family a format belongs to. */
function family(format: string): string {
  return format.split('-')[0];
}

function explain(paste: RealPaste): { code: string | null; id: string; permission?: string } {
  const failure = parseFailureText(paste.text);
  if (!failure) {
    // Nothing RingCentral-specific in the paste: Explain Error says so (unknown-error) and invents no code.
    return { code: null, id: 'unknown-error' };
  }
  const d = diagnose(failure);
  return { code: d.code ?? null, id: d.id, ...(d.permission ? { permission: d.permission } : {}) };
}

describe('corpus of real pastes', () => {
  it(`has at least ${MIN_PASTES} sourced pastes in at least ${MIN_FORMAT_FAMILIES} wrapper families`, () => {
    // A bare JSON body or a message quoted in prose is no wrapper; count only the wrappers around them.
    const families = new Set(REAL_PASTES.map((p) => family(p.format)).filter((f) => f !== 'json' && f !== 'message'));
    console.log(
      `      real pastes: ${REAL_PASTES.length}, wrapper families: ${families.size} (${[...families].sort().join(', ')})`,
    );
    assert.ok(REAL_PASTES.length >= MIN_PASTES, `only ${REAL_PASTES.length} pastes`);
    assert.ok(families.size >= MIN_FORMAT_FAMILIES, `only ${families.size} families`);
    for (const paste of REAL_PASTES) {
      assert.match(paste.source, /^https:\/\//, `a paste without a source: ${paste.text.slice(0, 60)}`);
    }
  });

  it('every expected id exists in the knowledge base', () => {
    const ids = new Set(knownIds());
    const missing = [...new Set(REAL_PASTES.map((p) => p.expected.id))].filter((id) => !ids.has(id));
    assert.deepEqual(missing, []);
  });

  it('every real paste is diagnosed right (code, id, permission)', () => {
    const wrong: string[] = [];
    for (const paste of REAL_PASTES) {
      const got = explain(paste);
      const want = {
        code: paste.expected.code,
        id: paste.expected.id,
        ...(paste.expected.permission ? { permission: paste.expected.permission } : {}),
      };
      if (JSON.stringify(got) !== JSON.stringify(want)) {
        wrong.push(
          `${paste.source} [${paste.format}]\n        want ${JSON.stringify(want)}\n        got  ${JSON.stringify(got)}`,
        );
      }
    }
    console.log(`      diagnosed right: ${REAL_PASTES.length - wrong.length} of ${REAL_PASTES.length}`);
    assert.equal(wrong.length, 0, `wrong:\n${wrong.join('\n')}`);
  });
});
