// The failure notification names the exact redirect URI to register (issue 9: a new user with an app that
// has no redirect URI saw "OAU-113" but not which URI to add).
import * as assert from 'node:assert/strict';
import { diagnose } from '../../../src/core/diagnosis/diagnose';
import { notificationText } from '../../../src/core/diagnosis/notificationText';
import type { Failure } from '../../../src/core/diagnosis/types';

const OAU_113: Failure = {
  kind: 'api',
  info: {
    status: 400,
    code: 'OAU-113',
    error: 'invalid_client',
    message: 'No redirect uri is registered for the client',
  },
};

describe('notificationText', () => {
  it('a failed pre-flight (OAU-113) names the exact redirect URI to register', () => {
    const uri = 'vscode://rcdevtools.ringcentral-oauth/callback';
    const text = notificationText(
      diagnose(OAU_113, { phase: 'preflight', redirectMode: 'uriHandler', redirectUri: uri }),
    );
    assert.match(text, /^RingCentral OAU-113: /);
    assert.ok(
      text.includes(
        `Register this exact redirect URI on the app (Developer Console → your app → Settings → Auth → OAuth Redirect URI): ${uri}`,
      ),
      text,
    );
  });

  it('a redirect mismatch (OAU-109) names it too, with a loopback URI', () => {
    const uri = 'http://127.0.0.1:53134/callback';
    const failure: Failure = {
      kind: 'api',
      info: { code: 'OAU-109', error: 'invalid_grant', message: 'Redirect URIs do not match' },
    };
    assert.ok(
      notificationText(diagnose(failure, { phase: 'preflight', redirectMode: 'loopback', redirectUri: uri })).endsWith(
        uri,
      ),
    );
  });

  it('says nothing about registering when no URI is known or the fix is elsewhere', () => {
    assert.doesNotMatch(notificationText(diagnose(OAU_113, {})), /Register this exact/);
    const secret: Failure = {
      kind: 'api',
      info: { code: 'OAU-146', error: 'invalid_client', message: 'Invalid client credentials' },
    };
    assert.doesNotMatch(
      notificationText(diagnose(secret, { redirectUri: 'http://127.0.0.1:1/callback' })),
      /Register this exact/,
    );
  });
});
