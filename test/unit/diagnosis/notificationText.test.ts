// Command links in notifications (issue 7 item 2): no untrusted text may become a clickable `command:` link.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { escapeForNotification } from '../../../src/core/diagnosis/escapeForNotification';

/**
 * The link syntax VS Code's notifications render, as in microsoft/vscode src/vs/base/common/linkedText.ts
 * (parseLinkedText, used by the notification list and dialogs): [label](https://…|command:…|file:… "title").
 */
const VSCODE_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/gi;

function linksIn(text: string): string[] {
  return [...text.matchAll(VSCODE_LINK)].map((match) => match[2]);
}

describe('escapeForNotification', () => {
  it('the who-am-I name from the issue is no link after escaping, and still reads the same', () => {
    const name = '[Click](command:workbench.action.terminal.new)';
    assert.deepEqual(
      linksIn(`Signed in to RingCentral as ${name}.`),
      ['command:workbench.action.terminal.new'],
      'the oracle sees the attack',
    );
    const escaped = escapeForNotification(`Signed in to RingCentral as ${name}.`);
    assert.deepEqual(linksIn(escaped), []);
    assert.equal(escaped, 'Signed in to RingCentral as [Click] (command:workbench.action.terminal.new).');
  });

  it('nested brackets, titles, several links, https/file targets, mixed case', () => {
    for (const attack of [
      '[[a](command:x)](command:y)',
      '[a]([b](command:x))',
      '[ok](command:x "title") and [two](COMMAND:y)',
      '[x](https://evil.example/) [y](file:///etc/passwd)',
      '[a\n](command:x)',
      '[\u200b](command:x)',
    ]) {
      assert.ok(linksIn(attack).length > 0, `the oracle sees a link in ${attack}`);
      assert.deepEqual(linksIn(escapeForNotification(attack)), [], attack);
    }
  });

  it('unicode brackets and bare command: URIs are not links, and stay untouched', () => {
    for (const text of [
      '［Click］（command:workbench.action.terminal.new）',
      '⟦a⟧(command:x)',
      'run command:workbench.action.terminal.new now',
      '[ReadAccounts] permission required',
    ]) {
      assert.deepEqual(linksIn(text), [], text);
      assert.equal(escapeForNotification(text), text);
    }
  });

  it('property: for any text, nothing VS Code would render as a link survives (20,000 cases)', () => {
    const piece = fc.constantFrom(
      '[',
      ']',
      '(',
      ')',
      ']( ',
      'command:',
      'https://',
      'file:',
      ' ',
      '"',
      "'",
      'x',
      '\n',
      '］',
      '\u200b',
    );
    const text = fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.array(piece, { maxLength: 30 }).map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(text, text, (untrusted, around) => {
        const escaped = escapeForNotification(`${around}${untrusted}${around}`);
        assert.deepEqual(linksIn(escaped), []);
        // Escaping twice changes nothing more: the wrapper may see text another caller already escaped.
        assert.equal(escapeForNotification(escaped), escaped);
      }),
      { numRuns: 20_000 },
    );
  });
});

describe('every notification goes through src/vscode/notify.ts', () => {
  it('no other file under src/ calls window.showErrorMessage / showWarningMessage / showInformationMessage', () => {
    const root = path.resolve(__dirname, '../../../../src');
    const offenders: string[] = [];
    const visit = (dir: string): void => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) visit(file);
        else if (/\.tsx?$/.test(entry.name) && path.relative(root, file) !== path.join('vscode', 'notify.ts')) {
          const source = fs.readFileSync(file, 'utf8');
          // Also catches `const { showErrorMessage } = vscode.window` and `window['showErrorMessage']`.
          if (/show(Error|Warning|Information)Message/.test(source)) offenders.push(path.relative(root, file));
        }
      }
    };
    visit(root);
    assert.ok(fs.existsSync(path.join(root, 'vscode', 'notify.ts')));
    assert.deepEqual(offenders, [], 'use notifyError / notifyWarning / notifyInfo from src/vscode/notify.ts');
  });
});
