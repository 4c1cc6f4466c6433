import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { diagnose, knownCodes } from '../../../src/core/diagnosis/diagnose';
import type { Failure } from '../../../src/core/diagnosis/types';
import type { RingCentralErrorInfo } from '../../../src/core/ringcentral/ringcentralError';
import { EXPECTED, EXPECTED_ERRORS } from './expectedDiagnoses';

const FACTS = path.resolve(__dirname, '../../../../../shared/ringcentral-oauth-facts.md');

/**
 * Codes named in the facts file: every OAU-nnn / CMN-nnn / TokenInvalid token, plus the numbers listed
 * after one ("OAU-120 / 121", "OAU-101, 105, 116–119, 136 …").
 */
function codesInFacts(text: string): string[] {
  const codes = new Set<string>();
  const re = /\b(OAU|CMN)-(\d+)((?:\s*(?:,|\/|and)\s*\d+(?:\s*[–-]\s*\d+)?)*)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    codes.add(`${m[1]}-${m[2]}`);
    for (const part of m[3].split(/,|\/|and/)) {
      const range = /(\d+)(?:\s*[–-]\s*(\d+))?/.exec(part.trim());
      if (!range) {
        continue;
      }
      const from = Number(range[1]);
      const to = range[2] ? Number(range[2]) : from;
      for (let n = from; n <= to && n - from < 50; n++) {
        codes.add(`${m[1]}-${n}`);
      }
    }
  }
  if (/\bTokenInvalid\b/.test(text)) {
    codes.add('TokenInvalid');
  }
  if (/\bInsufficientPermissions\b/.test(text)) {
    codes.add('InsufficientPermissions');
  }
  return [...codes];
}

/** Rows of the facts file's error table with a single code and a message: [code, message, error]. */
function messageRows(text: string): Array<[string, string, string | undefined]> {
  const rows: Array<[string, string, string | undefined]> = [];
  for (const line of text.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 6 || !/^(?:OAU-\d+|CMN-\d+|TokenInvalid)$/.test(cells[1])) {
      continue;
    }
    const message = cells[3];
    const error = /^[a-z_]+$/.test(cells[4]) ? cells[4] : undefined;
    if (message) {
      rows.push([cells[1], message, error]);
    }
  }
  return rows;
}

const api = (info: RingCentralErrorInfo): Failure => ({ kind: 'api', info });

describe('diagnose', () => {
  describe('coverage of the facts file', () => {
    let facts: string | undefined;
    before(function () {
      if (!fs.existsSync(FACTS)) {
        this.skip();
      }
      facts = fs.readFileSync(FACTS, 'utf8');
    });

    it('finds the codes in the facts file', () => {
      const codes = codesInFacts(facts ?? '');
      assert.ok(codes.length >= 50, `only ${codes.length} codes found`);
      for (const c of ['OAU-121', 'OAU-302'.replace('OAU', 'CMN'), 'OAU-117', 'OAU-141', 'OAU-347']) {
        assert.ok(codes.includes(c), `${c} not extracted`);
      }
    });

    it('every code in the facts file has the expected entry', () => {
      const known = new Set(knownCodes());
      for (const code of codesInFacts(facts ?? '')) {
        assert.ok(code in EXPECTED, `${code} is in the facts file but not in this test's table`);
        assert.ok(known.has(code), `${code} has no knowledge-base entry`);
        const d = diagnose(api({ code }));
        assert.equal(d.id, EXPECTED[code], `${code} → ${d.id}`);
        assert.equal(d.code, code);
      }
    });

    it('every message in the facts table finds the same entry without a code', () => {
      const rows = messageRows(facts ?? '');
      assert.ok(rows.length >= 25, `only ${rows.length} rows`);
      for (const [code, message, error] of rows) {
        const alone = diagnose(api({ message }));
        assert.equal(alone.id, EXPECTED[code], `message of ${code} ("${message}") → ${alone.id}`);
        const withError = diagnose(api({ message, description: message, error }));
        assert.equal(withError.id, EXPECTED[code], `message + error of ${code} → ${withError.id}`);
      }
    });
  });

  it('every OAuth error value has an entry', () => {
    for (const [error, id] of Object.entries(EXPECTED_ERRORS)) {
      assert.equal(diagnose(api({ error })).id, id, error);
      assert.equal(diagnose({ kind: 'callback', error }).id, id, `callback ${error}`);
    }
  });
});
