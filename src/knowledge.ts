// The second bundle's entry (dist/knowledge.js): the knowledge base and the permission table, about half of the
// extension's code, which activation never needs. The extension reaches it through vscode/knowledge.ts, which
// requires it the first time a diagnosis or a permission check runs.
export { diagnose } from './core/diagnosis/diagnose';
export { parseFailureText } from './core/diagnosis/parseFailureText';
export { checkPermissionForScope, grantedPermissions, listOperations } from './core/permissions/permissions';
export { explainPermissionNotGranted } from './core/diagnosis/local/permissionNotGranted';
