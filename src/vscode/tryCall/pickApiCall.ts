// Try an API Call's questions: which operation (RingCentral's OpenAPI table, searchable by path, name or
// permission; who-am-I first), then each {parameter} that has no default, then — for POST, PUT, PATCH — the body.
import * as vscode from 'vscode';
import { grantedPermissions, listOperations } from '../knowledge';
import type { HttpMethod } from '../../core/ringcentral/http';
import {
  checkPathParameterValue,
  defaultPathParameter,
  fillPathTemplate,
  isApiMethod,
  isTryablePath,
  parseJsonBody,
  pathParameterNames,
  WHO_AM_I_TEMPLATE,
} from '../../core/ringcentral/apiCallRequest';

export interface PickedApiCall {
  method: HttpMethod;
  path: string;
}

const TITLE = 'RingCentral: Try an API Call';

interface OperationItem extends vscode.QuickPickItem {
  method: HttpMethod;
  template: string;
}

function operationItems(scope: string | undefined): OperationItem[] {
  const granted = new Set(grantedPermissions(scope).map((permission) => permission.toLowerCase()));
  const items: OperationItem[] = [];
  for (const operation of listOperations()) {
    const method = operation.method.toUpperCase();
    if (!isApiMethod(method) || !isTryablePath(operation.pathTemplate)) continue;
    const permission = operation.appPermission;
    const permissionText = !permission
      ? 'no app permission'
      : granted.has(permission.toLowerCase())
        ? `${permission} ✓`
        : `needs ${permission} (not in your token)`;
    const whoAmI = method === 'GET' && operation.pathTemplate === WHO_AM_I_TEMPLATE;
    const item: OperationItem = {
      label: `${method} ${operation.pathTemplate}`,
      description: whoAmI ? `Who am I · ${permissionText}` : permissionText,
      detail: operation.summary,
      method,
      template: operation.pathTemplate,
    };
    if (whoAmI) items.unshift(item);
    else items.push(item);
  }
  return items;
}

export async function pickApiCall(scope: string | undefined): Promise<PickedApiCall | undefined> {
  const picked = await vscode.window.showQuickPick(operationItems(scope), {
    title: `${TITLE} — which operation?`,
    placeHolder: 'Search by path, name or permission, e.g. "call-log" or "Contacts"',
    matchOnDescription: true,
    matchOnDetail: true,
    ignoreFocusOut: true,
  });
  if (!picked) return undefined;
  const values: Record<string, string> = {};
  for (const name of pathParameterNames(picked.template)) {
    if (defaultPathParameter(name) !== undefined) continue;
    const value = await vscode.window.showInputBox({
      title: `${TITLE} — ${picked.method} ${picked.template}`,
      prompt: `Value for {${name}}`,
      ignoreFocusOut: true,
      validateInput: checkPathParameterValue,
    });
    if (value === undefined) return undefined;
    values[name] = value;
  }
  return { method: picked.method, path: fillPathTemplate(picked.template, values) };
}

/** The JSON body, `{}` proposed; undefined when the user pressed Escape. */
export async function askJsonBody(method: HttpMethod, path: string): Promise<{ body: unknown } | undefined> {
  const text = await vscode.window.showInputBox({
    title: `${TITLE} — JSON body for ${method} ${path}`,
    prompt: "The request body as JSON (see RingCentral's API reference for this operation).",
    value: '{}',
    ignoreFocusOut: true,
    validateInput: (input) => {
      const parsed = parseJsonBody(input);
      return parsed.ok ? undefined : parsed.message;
    },
  });
  if (text === undefined) return undefined;
  const parsed = parseJsonBody(text);
  return parsed.ok ? { body: parsed.value } : undefined;
}
