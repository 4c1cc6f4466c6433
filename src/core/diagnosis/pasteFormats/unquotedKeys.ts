// Object dumps whose keys are not JSON strings: Node's util.inspect / console.log of an error
// ({ errorCode: 'CMN-401', permissionName: 'ReadAccounts' }, single quotes, nested objects cut to
// [Object]) and Ruby's Hash#inspect with symbol keys ({:errorCode=>"CMN-401"}). The known fields are
// picked out one by one and rebuilt as a RingCentral JSON body.
import { SPECIFIC_CODE } from '../codePrefixes';
import type { Unwrapped } from './types';

const MAX_SCAN = 100_000;
const MAX_LINE = 4_000;
const MAX_VALUES = 20;
const KEYS =
  'errorCode|error_description|error|message|permissionName|permissionsName|parameterValue|status|statusCode';

/**
 * key: 'value' | key: "value" | key: 403 | :key=>"value". The key must follow a line start, a space, `{`
 * or `,`, so `"errorCode":` (real JSON) does not count. Values are single-line and bounded.
 */
const FIELD = new RegExp(
  `(?:^|[\\s{,(])(?::(${KEYS})[ \\t]{0,4}=>|(${KEYS})[ \\t]{0,4}:)[ \\t]{0,4}(?:'((?:[^'\\\\\\r\\n]|\\\\.){0,2000})'|"((?:[^"\\\\\\r\\n]|\\\\.){0,2000})"|(\\d{3})\\b)`,
  'gm',
);

function unescape(value: string): string {
  return value.replace(/\\(['"\\])/g, '$1').replace(/\\n/g, ' ');
}

export function readUnquotedKeys(text: string): Unwrapped | undefined {
  const scanned = text
    .slice(0, MAX_SCAN)
    .split('\n')
    .map((line) => line.slice(0, MAX_LINE))
    .join('\n');
  const fields = new Map<string, string[]>();
  FIELD.lastIndex = 0;
  let count = 0;
  let m: RegExpExecArray | null;
  while ((m = FIELD.exec(scanned)) !== null && count < MAX_VALUES * 8) {
    count++;
    const key = m[1] ?? m[2];
    const value = m[3] ?? m[4] ?? m[5];
    if (value === undefined) {
      continue;
    }
    const list = fields.get(key) ?? [];
    if (list.length < MAX_VALUES) {
      list.push(unescape(value));
    }
    fields.set(key, list);
  }
  const codes = fields.get('errorCode') ?? [];
  const error = (fields.get('error') ?? []).find((e) => /^[a-z_]{3,40}$/.test(e));
  if (codes.length === 0 && !error) {
    return undefined;
  }
  const specific = codes.find((c) => SPECIFIC_CODE.test(c));
  const top = codes.find((c) => c !== specific);
  const message = fields.get('message')?.find((v) => v.length > 0);
  const permissionName = fields.get('permissionName')?.[0] ?? fields.get('permissionsName')?.[0] ?? undefined;
  const status = [...(fields.get('status') ?? []), ...(fields.get('statusCode') ?? [])].find((s) =>
    /^[1-5]\d\d$/.test(s),
  );
  const body: Record<string, unknown> = {
    errorCode: top ?? specific,
    message,
    error,
    error_description: fields.get('error_description')?.[0],
    permissionName,
    ...(specific ? { errors: [{ errorCode: specific, message, permissionName }] } : {}),
  };
  const json = JSON.stringify(body);
  return { text: status ? `HTTP/1.1 ${status}\n\n${json}` : json };
}
