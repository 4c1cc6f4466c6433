// A call stopped before sending because the token lacks the operation's app permission: explained like RingCentral's
// CMN-401 (same id and fixes), but saying nothing was sent and quoting no server.
import * as assert from 'node:assert/strict';
import { explainPermissionNotGranted } from '../../../src/core/diagnosis/local/permissionNotGranted';

describe('permission not granted (checked before sending)', () => {
  it('names the permission, the call and what the token has; offers Check Permissions and the console', () => {
    const diagnosis = explainPermissionNotGranted(
      {
        method: 'GET',
        path: '/restapi/v1.0/account/~/extension/~/call-log',
        permission: 'ReadCallLog',
        granted: ['ReadAccounts'],
      },
      { server: 'http://127.0.0.1:4010', clientId: 'my-app' },
    );
    assert.equal(diagnosis.id, 'app-permission-missing');
    assert.equal(diagnosis.code, 'CMN-401');
    assert.equal(diagnosis.checkedLocally, true);
    assert.equal(diagnosis.serverMessage, undefined);
    assert.equal(diagnosis.permission, 'ReadCallLog');
    assert.equal(diagnosis.permissionFix, 'app');
    assert.match(
      diagnosis.summary,
      /^Not sent: GET \/restapi\/v1\.0\/account\/~\/extension\/~\/call-log needs the app permission ReadCallLog/,
    );
    assert.match(diagnosis.causes[0], /issued with ReadAccounts/);
    const actions = diagnosis.fixes.map((fix) => fix.action?.kind);
    assert.ok(actions.includes('checkPermissions'));
    const console = diagnosis.fixes.find((fix) => fix.action?.kind === 'openDeveloperConsole')?.action;
    assert.deepEqual(console, { kind: 'openDeveloperConsole', url: 'http://127.0.0.1:4010/__console' });
    assert.match(diagnosis.permissionFixText ?? '', /add ReadCallLog in the Developer Console/);
  });
});
