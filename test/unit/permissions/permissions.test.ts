import * as assert from 'assert';
import * as path from 'path';
import { PERMISSION_TABLE, SPEC_VERSION } from '../../../src/core/generated/permissionTable';
import {
  allAppPermissions,
  findPermissionRequirement,
  grantedPermissions,
  hasPermission,
  listOperations,
} from '../../../src/core/permissions/permissions';

/** scripts/permission-table-lib.cjs, typed from its own JSDoc (tsconfig's allowJs): no copy of its shape here. */
type PermissionTableLib = typeof import('../../../scripts/permission-table-lib.cjs');

// Compiled to out/test/unit/permissions/permissions.test.js → the project root is four levels up.
const PROJECT_ROOT = path.resolve(__dirname, '..', '..', '..', '..');

function loadLib(): PermissionTableLib {
  // A run-time path (the script is not compiled into out/), so an import statement cannot name it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.join(PROJECT_ROOT, 'scripts', 'permission-table-lib.cjs')) as PermissionTableLib;
}

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE']);

describe('permissions', () => {
  describe('generated table', () => {
    it('has more than 300 rows, each with a known method and a path template', () => {
      assert.ok(PERMISSION_TABLE.length > 300, `only ${PERMISSION_TABLE.length} rows`);
      for (const row of PERMISSION_TABLE) {
        assert.ok(METHODS.has(row[0]), `unknown method ${row[0]}`);
        assert.ok(row[1].startsWith('/'), `bad path ${row[1]}`);
        assert.ok(row[2] === null || /^\w+$/.test(row[2]), `bad permission ${row[2]}`);
      }
      assert.match(SPEC_VERSION, /^\d+\.\d+\.\d+/);
    });

    it('has no duplicate method + path', () => {
      const seen = new Set<string>();
      for (const row of PERMISSION_TABLE) {
        const key = `${row[0]} ${row[1]}`;
        assert.ok(!seen.has(key), `duplicate ${key}`);
        seen.add(key);
      }
    });

    it('matches a fresh generation from the installed spec', function () {
      this.timeout(60000);
      const lib = loadLib();
      let ymlPath: string | undefined;
      try {
        ymlPath = lib.locateSpec({ projectRoot: PROJECT_ROOT });
      } catch {
        ymlPath = undefined;
      }
      if (!ymlPath) {
        this.skip();
        return;
      }
      let loaded: { spec: unknown; packageVersion: string };
      try {
        loaded = lib.loadSpec(ymlPath, PROJECT_ROOT);
      } catch (e) {
        if (e instanceof Error && /js-yaml is not installed/.test(e.message)) {
          this.skip();
          return;
        }
        throw e;
      }
      const rows = lib.buildPermissionRows(loaded.spec);
      const hint = `table is stale (spec ${loaded.packageVersion}, committed ${SPEC_VERSION}): run npm run generate:permissions`;
      assert.strictEqual(rows.length, PERMISSION_TABLE.length, hint);
      assert.deepStrictEqual(
        rows,
        PERMISSION_TABLE.map((r) => [...r]),
        hint,
      );
    });
  });

  describe('findPermissionRequirement', () => {
    it('GET extension with ~ ids → ReadAccounts', () => {
      const r = findPermissionRequirement('GET', '/restapi/v1.0/account/~/extension/~');
      assert.ok(r);
      assert.strictEqual(r.appPermission, 'ReadAccounts');
      assert.strictEqual(r.pathTemplate, '/restapi/v1.0/account/{accountId}/extension/{extensionId}');
      assert.strictEqual(r.method, 'GET');
      assert.strictEqual(r.operationId, 'readExtension');
    });

    it('address-book contact: POST → Contacts, GET → ReadContacts', () => {
      const p = '/restapi/v1.0/account/~/extension/~/address-book/contact';
      assert.strictEqual(findPermissionRequirement('POST', p)?.appPermission, 'Contacts');
      assert.strictEqual(findPermissionRequirement('GET', p)?.appPermission, 'ReadContacts');
      assert.strictEqual(findPermissionRequirement('delete', `${p}/42`)?.appPermission, 'Contacts');
    });

    it('accepts a full URL with query, fragment, trailing slash and lower-case method', () => {
      const r = findPermissionRequirement(
        'get',
        'https://platform.ringcentral.com/restapi/v1.0/account/~/extension/12345/address-book/contact/?x=1&y=2#frag',
      );
      assert.ok(r);
      assert.strictEqual(r.appPermission, 'ReadContacts');
      assert.strictEqual(r.operationId, 'listContacts');
      assert.strictEqual(
        findPermissionRequirement('GET', 'platform.ringcentral.com/restapi/v1.0/account/~/extension/~')?.appPermission,
        'ReadAccounts',
      );
    });

    it('accepts a path template', () => {
      const r = findPermissionRequirement('GET', '/restapi/v1.0/account/{accountId}/extension/{extensionId}');
      assert.strictEqual(r?.operationId, 'readExtension');
      const encoded = findPermissionRequirement(
        'GET',
        'https://platform.ringcentral.com/restapi/v1.0/account/%7BaccountId%7D/extension/%7BextensionId%7D',
      );
      assert.strictEqual(encoded?.operationId, 'readExtension');
    });

    it('prefers literal segments over {params}', () => {
      const def = findPermissionRequirement('GET', '/restapi/v1.0/account/~/user-role/default');
      assert.strictEqual(def?.pathTemplate, '/restapi/v1.0/account/{accountId}/user-role/default');
      assert.strictEqual(def?.appPermission, 'RoleManagement');
      const byId = findPermissionRequirement('GET', '/restapi/v1.0/account/~/user-role/1234');
      assert.strictEqual(byId?.pathTemplate, '/restapi/v1.0/account/{accountId}/user-role/{roleId}');
      assert.strictEqual(byId?.appPermission, 'ReadAccounts');
    });

    it('finds every row of the table from its own template and with ~ for each id', () => {
      for (const row of PERMISSION_TABLE) {
        assert.strictEqual(findPermissionRequirement(row[0], row[1])?.pathTemplate, row[1]);
        const concrete = row[1].replace(/\{[^}]+\}/g, '~');
        const r = findPermissionRequirement(row[0].toLowerCase(), `https://platform.ringcentral.com${concrete}/`);
        assert.strictEqual(r?.pathTemplate, row[1], `${row[0]} ${concrete}`);
        assert.strictEqual(r?.appPermission ?? null, row[2]);
      }
    });

    it('undefined for unknown paths or methods', () => {
      assert.strictEqual(findPermissionRequirement('GET', '/restapi/v1.0/no-such-thing'), undefined);
      assert.strictEqual(findPermissionRequirement('GET', '/'), undefined);
      assert.strictEqual(findPermissionRequirement('GET', ''), undefined);
      assert.strictEqual(findPermissionRequirement('BREW', '/restapi/v1.0/account/~/extension/~'), undefined);
      assert.strictEqual(
        findPermissionRequirement('GET', '/restapi/v1.0/account/~/extension/~/address-book/contact/1/2/3'),
        undefined,
      );
    });

    it('returns fresh objects without null fields', () => {
      const a = findPermissionRequirement('POST', '/restapi/oauth/token');
      assert.ok(a);
      assert.strictEqual(a.appPermission, undefined);
      assert.ok(!('appPermission' in a));
      a.summary = 'changed';
      assert.notStrictEqual(findPermissionRequirement('POST', '/restapi/oauth/token')?.summary, 'changed');
    });
  });

  describe('listOperations / allAppPermissions', () => {
    it('lists all or filters by substring', () => {
      assert.strictEqual(listOperations().length, PERMISSION_TABLE.length);
      assert.strictEqual(listOperations('').length, PERMISSION_TABLE.length);
      const contacts = listOperations('address-book/contact');
      assert.ok(contacts.length >= 6);
      assert.ok(contacts.every((o) => o.pathTemplate.includes('address-book/contact')));
      const byWords = listOperations('post CONTACT');
      assert.ok(byWords.some((o) => o.operationId === 'createContact'));
      assert.ok(byWords.every((o) => o.method === 'POST'));
      assert.deepStrictEqual(listOperations('zz-no-such-operation-zz'), []);
    });

    it('names the distinct app permissions', () => {
      const all = allAppPermissions();
      for (const p of ['ReadAccounts', 'EditExtensions', 'Contacts', 'ReadContacts', 'SMS', 'TeamMessaging']) {
        assert.ok(all.includes(p), p);
      }
      assert.strictEqual(new Set(all).size, all.length);
      assert.deepStrictEqual([...all].sort(), all);
    });
  });

  describe('grantedPermissions / hasPermission', () => {
    it('splits a token scope', () => {
      assert.deepStrictEqual(grantedPermissions('ReadAccounts Contacts  ReadAccounts'), ['ReadAccounts', 'Contacts']);
      assert.deepStrictEqual(grantedPermissions(undefined), []);
      assert.deepStrictEqual(grantedPermissions(''), []);
    });

    it('checks a permission against a scope', () => {
      const scope = 'ReadAccounts Contacts ReadContacts';
      assert.strictEqual(hasPermission(scope, 'ReadAccounts'), true);
      assert.strictEqual(hasPermission(scope, 'Contacts'), true);
      assert.strictEqual(hasPermission(scope, 'EditExtensions'), false);
      assert.strictEqual(hasPermission(scope, 'Read'), false);
      assert.strictEqual(hasPermission(undefined, 'ReadAccounts'), false);
      assert.strictEqual(hasPermission(scope, ''), false);
    });
  });
});
