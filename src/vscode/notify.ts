// The one way this extension shows a notification or a message dialog. Text from RingCentral, display names and
// workspace settings reach these messages; VS Code would render `[label](command:…)` in them as a link that runs a
// command, so the message (and a dialog's detail) always goes through escapeForNotification. A unit test fails
// when any other file calls vscode.window.show{Error,Warning,Information}Message directly.
import * as vscode from 'vscode';
import { escapeForNotification } from '../core/diagnosis/escapeForNotification';

type Show = (message: string, options: vscode.MessageOptions, ...items: string[]) => Thenable<string | undefined>;

function show(
  kind: Show,
  message: string,
  optionsOrItem: vscode.MessageOptions | string | undefined,
  items: string[],
): Thenable<string | undefined> {
  const options: vscode.MessageOptions = typeof optionsOrItem === 'object' ? { ...optionsOrItem } : {};
  if (typeof optionsOrItem === 'string') items = [optionsOrItem, ...items];
  if (options.detail !== undefined) options.detail = escapeForNotification(options.detail);
  return kind(escapeForNotification(message), options, ...items);
}

export function notifyError(
  message: string,
  optionsOrItem?: vscode.MessageOptions | string,
  ...items: string[]
): Thenable<string | undefined> {
  return show((m, o, ...i) => vscode.window.showErrorMessage(m, o, ...i), message, optionsOrItem, items);
}

export function notifyWarning(
  message: string,
  optionsOrItem?: vscode.MessageOptions | string,
  ...items: string[]
): Thenable<string | undefined> {
  return show((m, o, ...i) => vscode.window.showWarningMessage(m, o, ...i), message, optionsOrItem, items);
}

export function notifyInfo(
  message: string,
  optionsOrItem?: vscode.MessageOptions | string,
  ...items: string[]
): Thenable<string | undefined> {
  return show((m, o, ...i) => vscode.window.showInformationMessage(m, o, ...i), message, optionsOrItem, items);
}
