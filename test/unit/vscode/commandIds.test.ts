// The one map of command ids (src/vscode/commandIds.ts) and package.json's manifest name the same commands.
import * as assert from 'assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { COMMANDS } from '../../../src/vscode/commandIds';

// Compiled to out/test/unit/vscode/ → the project root is four levels up.
const manifest = JSON.parse(
  fs.readFileSync(path.resolve(__dirname, '..', '..', '..', '..', 'package.json'), 'utf8'),
) as {
  contributes: { commands: Array<{ command: string }>; menus: Record<string, Array<{ command?: string }>> };
};

const sorted = (ids: Iterable<string>): string[] => [...new Set(ids)].sort();

describe('command ids', () => {
  it('the map holds exactly the commands package.json contributes', () => {
    assert.deepEqual(
      sorted(Object.values(COMMANDS)),
      sorted(manifest.contributes.commands.map((entry) => entry.command)),
    );
  });

  it('every command a menu names is in the map', () => {
    const inMenus = Object.values(manifest.contributes.menus).flatMap((items) =>
      items.map((item) => item.command ?? ''),
    );
    const known = new Set<string>(Object.values(COMMANDS));
    assert.deepEqual(
      inMenus.filter((id) => !known.has(id)),
      [],
    );
  });

  it('each key is its id without the extension prefix', () => {
    for (const [key, id] of Object.entries(COMMANDS)) assert.equal(id, `ringcentral.${key}`);
  });
});
