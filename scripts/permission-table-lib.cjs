'use strict';
/**
 * Pure(ish) helpers shared by scripts/generate-permissions.mjs and
 * test/unit/permissions/permissions.test.ts: locate RingCentral's OpenAPI spec
 * (rc-public-openapi.yml from the npm package ringcentral-open-api-parser),
 * parse it, turn every operation into one permission-table row, and render the
 * generated TypeScript module.
 *
 * CommonJS on purpose so the compiled (commonjs) unit tests can require it.
 */
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const { createRequire } = require('module');

const SPEC_PACKAGE = 'ringcentral-open-api-parser';
const SPEC_FILE = 'rc-public-openapi.yml';
const ENV_VAR = 'RC_OPENAPI_YML';
const GENERATE_COMMAND =
  'npm run generate:permissions (node scripts/generate-permissions.mjs [path/to/rc-public-openapi.yml])';
/** HTTP methods an OpenAPI 3 path item may hold, in output order. */
const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'trace'];
const MAX_SUMMARY = 120;

const PROJECT_ROOT = path.resolve(__dirname, '..');
const OUTPUT_FILE = path.join(PROJECT_ROOT, 'src', 'core', 'generated', 'permissionTable.ts');

/**
 * Finds rc-public-openapi.yml: explicit argument, then $RC_OPENAPI_YML, then
 * require.resolve from the project's node_modules. Returns undefined when none.
 * @param {{ explicitPath?: string, env?: Record<string, string | undefined>, projectRoot?: string }} [options]
 * @returns {string | undefined}
 */
function locateSpec(options = {}) {
  const env = options.env || process.env;
  const projectRoot = options.projectRoot || PROJECT_ROOT;
  if (options.explicitPath) {
    const p = path.resolve(options.explicitPath);
    if (!fs.existsSync(p)) throw new Error(`OpenAPI spec not found: ${p}`);
    return p;
  }
  const fromEnv = env[ENV_VAR];
  if (fromEnv) {
    const p = path.resolve(fromEnv);
    if (!fs.existsSync(p)) throw new Error(`${ENV_VAR} points to a missing file: ${p}`);
    return p;
  }
  try {
    return require.resolve(`${SPEC_PACKAGE}/${SPEC_FILE}`, { paths: [projectRoot] });
  } catch {
    return undefined;
  }
}

/**
 * Loads js-yaml from the project, or failing that from next to the spec
 * (ringcentral-open-api-parser depends on js-yaml itself).
 */
function loadYamlModule(ymlPath, projectRoot = PROJECT_ROOT) {
  const bases = [path.join(projectRoot, 'package.json'), ymlPath];
  let lastError;
  for (const base of bases) {
    try {
      return createRequire(base)('js-yaml');
    } catch (e) {
      lastError = e;
    }
  }
  throw new Error(`js-yaml is not installed (npm install --save-dev js-yaml): ${lastError && lastError.message}`);
}

/**
 * Reads and parses the spec.
 * @returns {{ spec: unknown, sha256: string, packageName: string, packageVersion: string }}
 */
function loadSpec(ymlPath, projectRoot = PROJECT_ROOT) {
  const text = fs.readFileSync(ymlPath, 'utf8');
  const yaml = loadYamlModule(ymlPath, projectRoot);
  const spec = yaml.load(text);
  const sha256 = crypto.createHash('sha256').update(text).digest('hex');
  let packageName = SPEC_PACKAGE;
  let packageVersion = 'unknown';
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(path.dirname(ymlPath), 'package.json'), 'utf8'));
    if (pkg && typeof pkg.version === 'string') {
      packageName = typeof pkg.name === 'string' ? pkg.name : packageName;
      packageVersion = pkg.version;
    }
  } catch {
    // spec given as a loose file: version unknown
  }
  return { spec, sha256, packageName, packageVersion };
}

function optionalString(value, what) {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') {
    throw new Error(`${what}: expected a string, got ${JSON.stringify(value)}`);
  }
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

function shortSummary(value) {
  if (typeof value !== 'string') return '';
  const s = value.replace(/\s+/g, ' ').trim();
  return s.length > MAX_SUMMARY ? `${s.slice(0, MAX_SUMMARY - 1)}…` : s;
}

function compareStrings(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Every operation of the spec as
 * [METHOD, pathTemplate, appPermission|null, userPermission|null, operationId, summary, throttlingGroup|null],
 * sorted by path (code-unit order) then method (get, post, put, patch, delete, ...).
 * @param {unknown} spec parsed OpenAPI document
 * @returns {Array<[string, string, string | null, string | null, string, string, string | null]>}
 */
function buildPermissionRows(spec) {
  if (!spec || typeof spec !== 'object' || !spec.paths || typeof spec.paths !== 'object') {
    throw new Error('Not an OpenAPI document: no "paths" object');
  }
  const rows = [];
  for (const [pathTemplate, item] of Object.entries(spec.paths)) {
    if (!item || typeof item !== 'object') continue;
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!op || typeof op !== 'object') continue;
      const where = `${method.toUpperCase()} ${pathTemplate}`;
      rows.push([
        method.toUpperCase(),
        pathTemplate,
        optionalString(op['x-app-permission'], `${where} x-app-permission`),
        optionalString(op['x-user-permission'], `${where} x-user-permission`),
        optionalString(op.operationId, `${where} operationId`) || '',
        shortSummary(op.summary),
        optionalString(op['x-throttling-group'], `${where} x-throttling-group`),
      ]);
    }
  }
  rows.sort(
    (a, b) =>
      compareStrings(a[1], b[1]) || HTTP_METHODS.indexOf(a[0].toLowerCase()) - HTTP_METHODS.indexOf(b[0].toLowerCase()),
  );
  return rows;
}

/** Counts printed by the generator. */
function summarizeRows(rows) {
  const permissions = new Set();
  let withPermission = 0;
  for (const row of rows) {
    if (row[2] !== null) {
      withPermission++;
      permissions.add(row[2]);
    }
  }
  return { operations: rows.length, withPermission, distinctPermissions: permissions.size };
}

function lit(value) {
  return value === null ? 'null' : JSON.stringify(value);
}

/**
 * The generated TypeScript module text.
 * @param {ReturnType<typeof buildPermissionRows>} rows
 * @param {{ packageName: string, packageVersion: string, sha256: string }} meta
 */
function renderPermissionTableModule(rows, meta) {
  const counts = summarizeRows(rows);
  const lines = [
    '// GENERATED FILE — DO NOT EDIT.',
    `// Generated by: ${GENERATE_COMMAND}`,
    `// Source: ${meta.packageName}@${meta.packageVersion} / ${SPEC_FILE} (sha256 ${meta.sha256})`,
    `// ${counts.operations} operations, ${counts.withPermission} with x-app-permission, ${counts.distinctPermissions} distinct app permissions.`,
    '// Row: [method, path template, x-app-permission, x-user-permission, operationId, summary, x-throttling-group]',
    '',
    `export const SPEC_PACKAGE = ${JSON.stringify(meta.packageName)};`,
    `export const SPEC_VERSION = ${JSON.stringify(meta.packageVersion)};`,
    '',
    'export type PermissionRow = readonly [',
    '  method: string,',
    '  path: string,',
    '  appPermission: string | null,',
    '  userPermission: string | null,',
    '  operationId: string,',
    '  summary: string,',
    '  throttlingGroup: string | null,',
    '];',
    '',
    'export const PERMISSION_TABLE: ReadonlyArray<PermissionRow> = [',
  ];
  for (const row of rows) {
    lines.push(`  [${row.map(lit).join(', ')}],`);
  }
  lines.push('];', '');
  return lines.join('\n');
}

module.exports = {
  SPEC_PACKAGE,
  SPEC_FILE,
  ENV_VAR,
  HTTP_METHODS,
  PROJECT_ROOT,
  OUTPUT_FILE,
  locateSpec,
  loadSpec,
  buildPermissionRows,
  summarizeRows,
  renderPermissionTableModule,
};
