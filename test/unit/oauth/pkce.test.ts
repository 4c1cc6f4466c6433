import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { base64Url, createPkcePair, createState, s256Challenge } from '../../../src/core/oauth/pkce';

/** S256 computed independently of the module under test. */
function referenceS256(verifier: string): string {
  return createHash('sha256').update(Buffer.from(verifier, 'ascii')).digest('base64url');
}

describe('pkce', () => {
  it('matches the RFC 7636 appendix B test vector', () => {
    // RFC 7636 appendix B prints E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM; node:crypto agrees.
    assert.equal(
      referenceS256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'),
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
    assert.equal(
      s256Challenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'),
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  it('base64Url turns + and / into - and _ and drops padding', () => {
    // 0xfb 0xff 0xbf → "+/+/" in base64; one byte 0xff → "/w==".
    assert.equal(base64Url(Buffer.from([0xfb, 0xff, 0xbf])), '-_-_');
    assert.equal(base64Url(Buffer.from([0xff])), '_w');
    assert.equal(base64Url(Buffer.alloc(0)), '');
  });

  it('makes a 43-character base64url verifier whose challenge is S256(verifier)', () => {
    for (let i = 0; i < 50; i++) {
      const pair = createPkcePair();
      assert.equal(pair.verifier.length, 43);
      assert.match(pair.verifier, /^[A-Za-z0-9_-]{43}$/);
      // RFC 7636 §4.1 unreserved characters only.
      assert.match(pair.verifier, /^[A-Za-z0-9\-._~]+$/);
      assert.equal(Buffer.from(pair.verifier, 'base64url').length, 32);
      assert.equal(pair.method, 'S256');
      assert.equal(pair.challenge, referenceS256(pair.verifier));
      assert.match(pair.challenge, /^[A-Za-z0-9_-]{43}$/);
    }
  });

  it('returns fresh values on each call', () => {
    const a = createPkcePair();
    const b = createPkcePair();
    assert.notEqual(a.verifier, b.verifier);
    assert.notEqual(a.challenge, b.challenge);
  });

  it('states are url-safe, 24 random bytes, and unique over 1000 calls', () => {
    const states = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      const state = createState();
      assert.match(state, /^[A-Za-z0-9_-]{32}$/);
      assert.equal(Buffer.from(state, 'base64url').length, 24);
      states.add(state);
    }
    assert.equal(states.size, 1000);
  });

  it('verifiers are unique over 1000 calls', () => {
    const verifiers = new Set(Array.from({ length: 1000 }, () => createPkcePair().verifier));
    assert.equal(verifiers.size, 1000);
  });
});
