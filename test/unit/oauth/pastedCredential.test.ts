import * as assert from 'node:assert/strict';
import {
  classifyNotAJwt,
  cleanPastedCredential,
  hasRingCentralTokenPrefix,
  looksLikeJwt,
} from '../../../src/core/oauth/pastedCredential';
import { jwt, regionToken } from './jwtSamples';

/** The cleaned value of a paste under the cap. */
function value(paste: string): string {
  const cleaned = cleanPastedCredential(paste);
  if ('tooLong' in cleaned) return assert.fail('unexpectedly too long');
  return cleaned.value;
}

describe('cleanPastedCredential', () => {
  it('takes NAME=value, NAME: value and "NAME": "value" apart, and drops quotes, commas and semicolons', () => {
    assert.deepEqual(cleanPastedCredential('RC_JWT="abc.def.ghi"'), {
      value: 'abc.def.ghi',
      name: 'RC_JWT',
      notes: ['name-removed', 'quotes-removed'],
    });
    assert.equal(value('  "jwt" : \'x.y.z\',  '), 'x.y.z');
    assert.equal(value('$env:RC_JWT="x.y.z"'), 'x.y.z');
    assert.equal(value('set RC_JWT=x.y.z;'), 'x.y.z');
  });

  it('does not mistake base64 padding or a URL for NAME=value', () => {
    assert.deepEqual(cleanPastedCredential('abcdef=='), { value: 'abcdef==', notes: [] });
    assert.equal(value('https://example.com/a'), 'https://example.com/a');
  });

  it('picks the JWT line out of a .env file, preferring one named JWT', () => {
    const wanted = jwt();
    const other = jwt(undefined, { aud: 'x' });
    const cleaned = cleanPastedCredential(`RC_ID_TOKEN=${other}\nRC_CLIENT_ID=abc\nRC_JWT='${wanted}'`);
    assert.deepEqual(cleaned, { value: wanted, name: 'RC_JWT', notes: ['line-picked', 'name-removed'] });
  });

  it('joins a wrapped JWT but leaves spaces in anything else', () => {
    const credential = jwt();
    assert.equal(value(credential.replace(/(.{50})/g, '$1\r\n')), credential);
    assert.equal(value('two words'), 'two words');
  });

  it('refuses to read more than the cap', () => {
    assert.deepEqual(cleanPastedCredential('x'.repeat(20_000)), { tooLong: true, length: 20_000 });
  });
});

describe('what a value that is no JWT looks like', () => {
  it('recognises the region prefix of RingCentral tokens ("SJC01P04PAS00|…" in base64)', () => {
    assert.equal(hasRingCentralTokenPrefix('U0pDMDFQMDRQQVMwMHxBQUJm'), true);
    assert.equal(hasRingCentralTokenPrefix(regionToken('IAD41P12PAS00')), true);
    assert.equal(hasRingCentralTokenPrefix('W1WXq78VB1zbGWcmejhO1H3i9Rayma6xCcFN3Pah6Tw0'), false);
  });

  it('classifies by shape, and by the name it was pasted under', () => {
    assert.equal(classifyNotAJwt(''), 'empty');
    assert.equal(classifyNotAJwt(regionToken()), 'access-token');
    assert.equal(classifyNotAJwt(regionToken(), 'refresh_token'), 'refresh-token');
    assert.equal(classifyNotAJwt('abcdefghijklmnopqrstuv'), 'client-id');
    assert.equal(classifyNotAJwt('a'.repeat(44)), 'client-secret');
    assert.equal(classifyNotAJwt('abc', 'RC_CLIENT_ID'), 'client-id');
    assert.equal(classifyNotAJwt('hunter2', 'PASSWORD'), 'password');
    assert.equal(classifyNotAJwt('a'.repeat(200)), 'access-token');
    assert.equal(classifyNotAJwt('hello world'), 'text');
  });

  it('looksLikeJwt wants "eyJ", base64url and exactly two dots', () => {
    assert.equal(looksLikeJwt(jwt()), true);
    assert.equal(looksLikeJwt('eyJ.a'), false);
    assert.equal(looksLikeJwt('abc.def.ghi'), false);
    assert.equal(looksLikeJwt('eyJ a.b.c'), false);
  });
});
