#!/usr/bin/env node
// Regenerates src/core/generated/permissionTable.ts from RingCentral's OpenAPI
// spec (rc-public-openapi.yml, shipped by the npm package ringcentral-open-api-parser).
//
//   node scripts/generate-permissions.mjs [path/to/rc-public-openapi.yml] [--check]
//
// The spec is found via the argument, else $RC_OPENAPI_YML, else
// require.resolve('ringcentral-open-api-parser/rc-public-openapi.yml') from the project.
// --check: write nothing; exit 1 if the committed table differs from the spec.
import fs from 'node:fs';
import path from 'node:path';
import lib from './permission-table-lib.cjs';

const args = process.argv.slice(2);
const check = args.includes('--check');
const positional = args.filter((a) => !a.startsWith('--'));
if (positional.length > 1 || args.some((a) => a.startsWith('--') && a !== '--check')) {
  console.error('usage: node scripts/generate-permissions.mjs [path/to/rc-public-openapi.yml] [--check]');
  process.exit(2);
}

let ymlPath;
try {
  ymlPath = lib.locateSpec({ explicitPath: positional[0] });
} catch (e) {
  console.error(String(e instanceof Error ? e.message : e));
  process.exit(1);
}
if (!ymlPath) {
  console.error(
    `Cannot find ${lib.SPEC_PACKAGE}/${lib.SPEC_FILE}. Install it (npm install --save-dev ${lib.SPEC_PACKAGE} js-yaml), ` +
      `set ${lib.ENV_VAR}, or pass the path as an argument.`,
  );
  process.exit(1);
}

const { spec, sha256, packageName, packageVersion } = lib.loadSpec(ymlPath);
const rows = lib.buildPermissionRows(spec);
const text = lib.renderPermissionTableModule(rows, { packageName, packageVersion, sha256 });
const counts = lib.summarizeRows(rows);
const rel = path.relative(process.cwd(), lib.OUTPUT_FILE) || lib.OUTPUT_FILE;

console.log(`spec: ${ymlPath} (${packageName}@${packageVersion})`);
console.log(
  `operations: ${counts.operations}, with x-app-permission: ${counts.withPermission}, ` +
    `distinct app permissions: ${counts.distinctPermissions}`,
);

const current = fs.existsSync(lib.OUTPUT_FILE) ? fs.readFileSync(lib.OUTPUT_FILE, 'utf8') : undefined;
if (check) {
  if (current !== text) {
    console.error(`${rel} is out of date: run npm run generate:permissions`);
    process.exit(1);
  }
  console.log(`${rel} is up to date`);
} else if (current === text) {
  console.log(`${rel} unchanged`);
} else {
  fs.mkdirSync(path.dirname(lib.OUTPUT_FILE), { recursive: true });
  fs.writeFileSync(lib.OUTPUT_FILE, text);
  console.log(`wrote ${rel} (${text.length} bytes)`);
}
