// "Copy as curl" for one recorded trace step, for bash and for PowerShell. The trace is masked, so every secret the
// step carried (Bearer and Basic credentials, code, verifier, tokens, JWT) is put back either from values the caller
// supplies ("with secrets") or as a reference to an environment variable — never as the masked text, which would
// only fail. Everything else is reproduced byte for byte, in the quoting of each shell that interprets nothing.
import { isSecretKey } from '../trace/mask';
import type { TraceStep } from '../trace/trace';
import { ENV, ExportWarning } from './profile';
import { bashQuote, bashVariable, powershellQuote } from './shellQuote';

export type CopyShell = 'bash' | 'powershell';

/** Real values for the secrets a step carried; each one missing becomes an environment variable reference. */
export interface StepSecrets {
  clientSecret?: string;
  accessToken?: string;
  refreshToken?: string;
  jwt?: string;
  code?: string;
  codeVerifier?: string;
}

export interface CopyAsCurlOptions {
  shell: CopyShell;
  /** The app's client id: the trace masks the whole Basic credential, so client authentication is rebuilt from it. */
  clientId?: string;
  secrets?: StepSecrets;
}

export type CopyAsCurlResult =
  | { ok: true; text: string; environmentVariables: string[]; warnings: ExportWarning[] }
  | { ok: false; code: 'no-request' | 'nul-in-request'; message: string };

/** A piece of a value: literal text, or an environment variable (form-encoded where it lands in a form body). */
type Piece = { text: string } | { env: string; formEncode: boolean };

interface Secret {
  env: string;
  value?: string;
}

interface Rebuilt {
  method: string;
  url: string;
  headers: Array<{ name: string; value: Piece[] }>;
  basic?: { user: Piece; password: Piece };
  body?: BodySegment[];
  contentType?: string;
}

/** Which secret (supplied value or variable) stands behind a masked form field. */
function secretForField(field: string, secrets: StepSecrets): Secret {
  switch (field.toLowerCase().replace(/-/g, '_')) {
    case 'code':
      return { env: ENV.authCode, value: secrets.code };
    case 'code_verifier':
      return { env: ENV.codeVerifier, value: secrets.codeVerifier };
    case 'refresh_token':
      return { env: ENV.refreshToken, value: secrets.refreshToken };
    case 'assertion':
      return { env: ENV.jwt, value: secrets.jwt };
    case 'client_secret':
      return { env: ENV.clientSecret, value: secrets.clientSecret };
    case 'access_token':
    case 'token': // revoke: the extension revokes with the access token
      return { env: ENV.accessToken, value: secrets.accessToken };
    default:
      return { env: `RINGCENTRAL_${field.toUpperCase().replace(/[^A-Z0-9]/g, '_')}` };
  }
}

const piece = (secret: Secret, formEncode: boolean): Piece =>
  secret.value !== undefined
    ? { text: formEncode ? encodeURIComponent(secret.value) : secret.value }
    : { env: secret.env, formEncode };

function fieldName(segment: string): string {
  const raw = segment.split('=')[0];
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

/** A form body as its '&'-separated fields; a secret one names its variable, the others stay exactly as recorded. */
type BodySegment = { raw: string } | { name: string; env: string };

function rebuildFormBody(body: string, secrets: StepSecrets): BodySegment[] {
  return body.split('&').map((segment) => {
    const name = fieldName(segment);
    if (!segment.includes('=') || !isSecretKey(name)) return { raw: segment };
    const rawName = segment.slice(0, segment.indexOf('='));
    const secret = secretForField(name, secrets);
    return secret.value === undefined
      ? { name: rawName, env: secret.env }
      : { raw: `${rawName}=${encodeURIComponent(secret.value)}` };
  });
}

/** Query parameters that were masked: put back when supplied, else kept masked with a warning. */
function rebuildUrl(url: string, secrets: StepSecrets, warnings: ExportWarning[]): string {
  const queryStart = url.indexOf('?');
  if (queryStart < 0) return url;
  const fragmentStart = url.indexOf('#', queryStart);
  const query = url.slice(queryStart + 1, fragmentStart < 0 ? undefined : fragmentStart);
  const rebuilt = query.split('&').map((segment) => {
    const name = fieldName(segment);
    if (!segment.includes('=') || !isSecretKey(name)) return segment;
    const secret = secretForField(name, secrets);
    if (secret.value === undefined) {
      warnings.push({
        code: 'masked-value-kept',
        message: `The URL parameter ${name} is masked in the trace; supply its value to copy it with secrets.`,
      });
      return segment;
    }
    return `${segment.slice(0, segment.indexOf('=') + 1)}${encodeURIComponent(secret.value)}`;
  });
  return `${url.slice(0, queryStart + 1)}${rebuilt.join('&')}${fragmentStart < 0 ? '' : url.slice(fragmentStart)}`;
}

const DROPPED_HEADERS = new Set(['content-length', 'host', 'connection', 'transfer-encoding']);

function rebuild(
  request: NonNullable<TraceStep['request']>,
  options: CopyAsCurlOptions,
  warnings: ExportWarning[],
): Rebuilt {
  const secrets = options.secrets ?? {};
  const rebuilt: Rebuilt = {
    method: request.method.toUpperCase(),
    url: rebuildUrl(request.url, secrets, warnings),
    headers: [],
  };
  for (const [name, recorded] of Object.entries(request.headers)) {
    const lower = name.toLowerCase();
    if (DROPPED_HEADERS.has(lower)) continue;
    // A header value cannot span lines; a hostile one is flattened rather than allowed to add headers.
    const value = recorded.replace(/[\r\n]+/g, ' ');
    if (value !== recorded) {
      warnings.push({
        code: 'header-line-break-removed',
        message: `Line breaks were removed from the ${name} header.`,
      });
    }
    if (lower === 'content-type') rebuilt.contentType = value;
    if (lower === 'authorization' && /^basic\s/i.test(value)) {
      const user: Piece =
        options.clientId !== undefined ? { text: options.clientId } : { env: ENV.clientId, formEncode: false };
      rebuilt.basic = { user, password: piece({ env: ENV.clientSecret, value: secrets.clientSecret }, false) };
    } else if (lower === 'authorization' && /^bearer\s/i.test(value)) {
      rebuilt.headers.push({
        name,
        value: [{ text: 'Bearer ' }, piece({ env: ENV.accessToken, value: secrets.accessToken }, false)],
      });
    } else {
      if (isSecretKey(name)) {
        warnings.push({
          code: 'masked-value-kept',
          message: `The ${name} header is masked in the trace and copied as is.`,
        });
      }
      rebuilt.headers.push({ name, value: [{ text: value }] });
    }
  }
  if (request.body !== undefined) {
    // A JSON body is not form-encoded: copied as recorded.
    rebuilt.body = request.body.trimStart().startsWith('{')
      ? [{ raw: request.body }]
      : rebuildFormBody(request.body, secrets);
  }
  return rebuilt;
}

function variablesOf(rebuilt: Rebuilt): string[] {
  const pieces = [
    ...rebuilt.headers.flatMap((header) => header.value),
    ...(rebuilt.basic ? [rebuilt.basic.user, rebuilt.basic.password] : []),
  ];
  const fromBody = (rebuilt.body ?? []).flatMap((segment) => ('env' in segment ? [segment.env] : []));
  return [...new Set([...pieces.flatMap((item) => ('env' in item ? [item.env] : [])), ...fromBody])];
}

// ---------------------------------------------------------------------------------------------------------------
// bash: curl with single-quoted words

function bashWord(pieces: Piece[]): string {
  const words = mergeText(pieces).map((item) => ('text' in item ? bashQuote(item.text) : bashVariable(item.env)));
  return words.join('') || "''";
}

/** curl joins its --data arguments with '&': plain fields go as recorded, a secret one is encoded by curl itself. */
function bashBody(segments: BodySegment[]): string[] {
  const args: string[] = [];
  let plain: string[] = [];
  const flush = () => {
    if (plain.length > 0) args.push(`--data-raw ${bashQuote(plain.join('&'))}`);
    plain = [];
  };
  for (const segment of segments) {
    if ('raw' in segment) {
      plain.push(segment.raw);
    } else {
      flush();
      args.push(`--data-urlencode ${bashQuote(`${segment.name}=`)}${bashVariable(segment.env)}`);
    }
  }
  flush();
  return args;
}

function renderBash(rebuilt: Rebuilt, title: string, variables: string[]): string {
  // -i shows the status line and headers (Retry-After, X-Rate-Limit-*) that explain an OAuth failure.
  const args = ['curl -sS -i'];
  const bodyImpliesPost = rebuilt.body !== undefined && rebuilt.method === 'POST';
  if (!(rebuilt.method === 'GET' && rebuilt.body === undefined) && !bodyImpliesPost)
    args.push(`-X ${bashQuote(rebuilt.method)}`);
  args.push(bashQuote(rebuilt.url));
  for (const header of rebuilt.headers) {
    const empty = header.value.length === 1 && 'text' in header.value[0] && header.value[0].text === '';
    // curl drops a header given as "Name:"; "Name;" sends it empty.
    args.push(`-H ${empty ? bashQuote(`${header.name};`) : bashWord([{ text: `${header.name}: ` }, ...header.value])}`);
  }
  if (rebuilt.basic) args.push(`-u ${bashWord([rebuilt.basic.user, { text: ':' }, rebuilt.basic.password])}`);
  if (rebuilt.body !== undefined) args.push(...bashBody(rebuilt.body));
  const guards = variables.map((name) => `: "\${${name}:?export ${name} first}"`);
  return [`# ${title.replace(/[\r\n]+/g, ' ')}`, [...guards, args.join(' \\\n  ')].join(' && \\\n')].join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// PowerShell: Invoke-WebRequest, not curl.exe. Windows PowerShell 5.1 passes arguments to native programs without
// escaping embedded double quotes (a JSON body or a quoted value reaches curl.exe broken), and `curl` there is an
// alias of Invoke-WebRequest anyway. A cmdlet takes PowerShell strings as they are: verbatim '…' strings carry every
// byte, in 5.1 and in 7.x alike. -UseBasicParsing avoids 5.1's Internet Explorer dependency (7.x ignores it).

/** Adjacent literal pieces as one. */
function mergeText(pieces: Piece[]): Piece[] {
  const merged: Piece[] = [];
  for (const item of pieces) {
    const last = merged[merged.length - 1];
    if ('text' in item && last && 'text' in last) merged[merged.length - 1] = { text: last.text + item.text };
    else merged.push(item);
  }
  return merged;
}

function psExpression(pieces: Piece[]): string {
  const parts = mergeText(pieces).map((item) =>
    'text' in item
      ? powershellQuote(item.text)
      : item.formEncode
        ? `[uri]::EscapeDataString($env:${item.env})`
        : `$env:${item.env}`,
  );
  return parts.length === 0 ? "''" : parts.length === 1 ? parts[0] : `(${parts.join(' + ')})`;
}

function renderPowerShell(rebuilt: Rebuilt, title: string, variables: string[]): string {
  const headers = rebuilt.headers
    .filter((header) => header.name.toLowerCase() !== 'content-type')
    .map((header) => `${powershellQuote(header.name)} = ${psExpression(header.value)}`);
  if (rebuilt.basic) {
    const credential = psExpression([rebuilt.basic.user, { text: ':' }, rebuilt.basic.password]);
    headers.push(
      `'Authorization' = 'Basic ' + [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes(${credential}))`,
    );
  }
  const lines = [`# ${title.replace(/[\r\n]+/g, ' ')}`, "$ErrorActionPreference = 'Stop'"];
  for (const name of variables) lines.push(`if (-not $env:${name}) { throw 'Set $env:${name} first' }`);
  lines.push(
    '$request = @{',
    `  Method = ${powershellQuote(rebuilt.method)}`,
    `  Uri = ${powershellQuote(rebuilt.url)}`,
  );
  lines.push(`  Headers = @{ ${headers.join('; ')} }`);
  if (rebuilt.contentType !== undefined) lines.push(`  ContentType = ${powershellQuote(rebuilt.contentType)}`);
  if (rebuilt.body !== undefined) {
    // Bytes, not a string: Windows PowerShell 5.1 would encode a string body as ISO-8859-1.
    const pieces = rebuilt.body.flatMap((segment, index): Piece[] => [
      ...(index > 0 ? [{ text: '&' }] : []),
      ...('raw' in segment
        ? [{ text: segment.raw }]
        : [{ text: `${segment.name}=` }, { env: segment.env, formEncode: true }]),
    ]);
    lines.push(`  Body = [Text.Encoding]::UTF8.GetBytes(${psExpression(mergeText(pieces))})`);
  }
  lines.push(
    '  UseBasicParsing = $true',
    '}',
    'try {',
    '  $response = Invoke-WebRequest @request',
    '  "HTTP $([int]$response.StatusCode)"',
    '  $response.Content',
    '} catch {',
    '  if (-not $_.Exception.Response) { throw }',
    '  "HTTP $([int]$_.Exception.Response.StatusCode)"',
    '  $_.ErrorDetails.Message',
    '}',
  );
  return lines.join('\n');
}

export function copyStepAsCurl(
  step: Pick<TraceStep, 'title' | 'request' | 'response'>,
  options: CopyAsCurlOptions,
): CopyAsCurlResult {
  if (!step.request) {
    return {
      ok: false,
      code: 'no-request',
      message: `"${step.title}" sent no HTTP request, so there is nothing to copy.`,
    };
  }
  const request = step.request;
  if (
    [request.url, request.body ?? '', ...Object.entries(request.headers).flat()].some((text) => text.includes('\0'))
  ) {
    return {
      ok: false,
      code: 'nul-in-request',
      message: 'The request holds a NUL character, which no shell can pass.',
    };
  }
  const warnings: ExportWarning[] = [];
  const rebuilt = rebuild(request, options, warnings);
  const variables = variablesOf(rebuilt);
  const recorded = step.response ? ` (recorded: HTTP ${step.response.status})` : '';
  const title = `RingCentral: ${step.title}${recorded}`;
  const text =
    options.shell === 'bash' ? renderBash(rebuilt, title, variables) : renderPowerShell(rebuilt, title, variables);
  return { ok: true, text, environmentVariables: variables, warnings };
}
