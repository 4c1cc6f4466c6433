// Check Redirect URI's two answers reconciled: the pre-flight (RingCentral's own answer) wins over a pasted
// list of registered URIs, and the check says so.
import * as assert from 'node:assert/strict';
import { checkRedirectUri } from '../../../src/core/redirect/checkRedirectUri';
import { reconcileRedirectAnswers } from '../../../src/core/redirect/redirectReconcile';

const SENT = 'http://127.0.0.1:53134/callback';

describe('reconcileRedirectAnswers', () => {
  it('list says not registered, pre-flight accepted: believe the pre-flight, the list is out of date', () => {
    const check = checkRedirectUri({ sent: SENT, mode: 'loopback', registered: ['http://localhost:53134/callback/'] });
    assert.equal(check.matched, false);
    const verdict = reconcileRedirectAnswers(check, { ok: true });
    assert.match(verdict ?? '', /not registered, but RingCentral accepted it in the pre-flight/);
    assert.match(verdict ?? '', /Believe the pre-flight/);
    assert.match(verdict ?? '', /probably out of date/);
    assert.ok(verdict?.includes(SENT));
  });

  it('list says registered, pre-flight refused with OAU-109/113: believe the pre-flight', () => {
    const check = checkRedirectUri({ sent: SENT, mode: 'loopback', registered: [SENT] });
    assert.equal(check.matched, true);
    assert.match(
      reconcileRedirectAnswers(check, { ok: false, code: 'OAU-113' }) ?? '',
      /refused it in the pre-flight \(OAU-113\)\. Believe the pre-flight/,
    );
  });

  it('nothing to reconcile when both agree, when no list was given, or when the pre-flight failed for another reason', () => {
    const listed = checkRedirectUri({ sent: SENT, mode: 'loopback', registered: [SENT] });
    assert.equal(reconcileRedirectAnswers(listed, { ok: true }), undefined);
    assert.equal(reconcileRedirectAnswers(listed, { ok: false, code: 'OAU-146' }), undefined);
    assert.equal(reconcileRedirectAnswers(listed, undefined), undefined);
    const none = checkRedirectUri({ sent: SENT, mode: 'loopback', registered: [] });
    assert.equal(reconcileRedirectAnswers(none, { ok: true }), undefined);
    const other = checkRedirectUri({ sent: SENT, mode: 'loopback', registered: ['http://localhost:1/x'] });
    assert.equal(reconcileRedirectAnswers(other, { ok: false, code: 'OAU-109' }), undefined, 'both say no: they agree');
  });
});
