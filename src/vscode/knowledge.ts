// The knowledge base and the permission table, loaded on first use: the bundle build turns this require into one of
// dist/knowledge.js (scripts/build.mjs); compiled by tsc it loads ../knowledge as usual. Types come from `import type`,
// so nothing here loads it early.
import type * as Knowledge from '../knowledge';

let loaded: typeof Knowledge | undefined;

function knowledge(): typeof Knowledge {
  return (loaded ??= require('../knowledge') as typeof Knowledge);
}

export const diagnose: typeof Knowledge.diagnose = (...args) => knowledge().diagnose(...args);
export const parseFailureText: typeof Knowledge.parseFailureText = (...args) => knowledge().parseFailureText(...args);
export const checkPermissionForScope: typeof Knowledge.checkPermissionForScope = (...args) =>
  knowledge().checkPermissionForScope(...args);
export const listOperations: typeof Knowledge.listOperations = (...args) => knowledge().listOperations(...args);
export const grantedPermissions: typeof Knowledge.grantedPermissions = (...args) =>
  knowledge().grantedPermissions(...args);
export const explainPermissionNotGranted: typeof Knowledge.explainPermissionNotGranted = (...args) =>
  knowledge().explainPermissionNotGranted(...args);
