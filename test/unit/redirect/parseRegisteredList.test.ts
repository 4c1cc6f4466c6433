import * as assert from 'assert';
import { compareRedirectUris } from '../../../src/core/redirect/compareUris';
import { parseRegisteredList } from '../../../src/core/redirect/parseRegisteredList';
import { kinds, L, V } from './redirectSamples';

describe('redirectMismatch', () => {
  describe('parseRegisteredList', () => {
    it('splits newlines, commas, spaces and semicolons', () => {
      assert.deepStrictEqual(parseRegisteredList(`${V}\n${L}`), [V, L]);
      assert.deepStrictEqual(parseRegisteredList(`${V},${L}`), [V, L]);
      assert.deepStrictEqual(parseRegisteredList(`${V}, ${L}`), [V, L]);
      assert.deepStrictEqual(parseRegisteredList(`${V} ${L}`), [V, L]);
      assert.deepStrictEqual(parseRegisteredList(`${V};${L}\r\n`), [V, L]);
    });

    it('keeps commas inside a query', () => {
      assert.deepStrictEqual(parseRegisteredList('https://a.example/cb?x=1,2, https://b.example/cb'), [
        'https://a.example/cb?x=1,2',
        'https://b.example/cb',
      ]);
    });

    it('reads a JSON array, keeping whitespace inside the strings', () => {
      const parsed = parseRegisteredList(`["${V} ", "${L}"]`);
      assert.deepStrictEqual(parsed, [`${V} `, L]);
      assert.deepStrictEqual(kinds(compareRedirectUris(V, parsed[0])), ['whitespace']);
    });

    it('reads redirect fields of a JSON object', () => {
      assert.deepStrictEqual(parseRegisteredList(JSON.stringify({ name: 'My app', redirectUris: [V, L] })), [V, L]);
    });

    it('reads a console copy with a heading, bullets, numbers, quotes and brackets', () => {
      const text = [
        'OAuth Redirect URI:',
        ' • vscode://rcdevtools.ringcentral-oauth/callback',
        '- http://127.0.0.1:53134/callback',
        '1. "http://[::1]:5000/callback"',
        '2) <https://b.example/cb>,',
        "* 'cursor://rcdevtools.ringcentral-oauth/callback';",
        '',
      ].join('\n');
      assert.deepStrictEqual(parseRegisteredList(text), [
        V,
        L,
        'http://[::1]:5000/callback',
        'https://b.example/cb',
        'cursor://rcdevtools.ringcentral-oauth/callback',
      ]);
    });

    it('reads a non-JSON array with single quotes', () => {
      assert.deepStrictEqual(parseRegisteredList(`['${V}', '${L}']`), [V, L]);
    });

    it('keeps a bracketed IPv6 host without a path', () => {
      assert.deepStrictEqual(parseRegisteredList('http://[::1]:5000'), ['http://[::1]:5000']);
    });

    it('keeps wrong entries so the comparison can report them', () => {
      assert.deepStrictEqual(parseRegisteredList('localhost:5000/callback\nvscode://*/callback'), [
        'localhost:5000/callback',
        'vscode://*/callback',
      ]);
    });

    it('keeps duplicates (checkRedirectUri warns about them)', () => {
      assert.deepStrictEqual(parseRegisteredList(`${V}\n${V}`), [V, V]);
    });

    it('returns nothing for empty text', () => {
      assert.deepStrictEqual(parseRegisteredList(''), []);
      assert.deepStrictEqual(parseRegisteredList(' \n\t '), []);
    });
  });
});
