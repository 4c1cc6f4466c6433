// The secret scan of an extension-host run: the log files VS Code wrote during the run (the RingCentral output
// channel, the extension host's own log), and what the capture hooks kept (traces, webview states,
// notifications), checked against every secret the run's emulator issued or was sent.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Artefact, describeScan, scanForSecrets, SecretToFind } from './scanner';

export interface ExtensionHostScan {
  ok: boolean;
  text: string;
}

function filesUnder(root: string, keep: (file: string) => boolean): string[] {
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter(keep);
}

/** One artefact per line, named "file:line" so a finding points at it. */
function linesOf(file: string, label: string): Artefact[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((text, index) => ({ name: `${label}:${index + 1}`, text }))
    .filter((line) => line.text !== '');
}

/**
 * `logRoots`: folders whose *.log files written since `since` are scanned. `required`: capture kinds that must
 * have produced something (a scan that saw nothing proves nothing).
 */
export function scanExtensionHostRun(options: {
  captureDir: string;
  logRoots: string[];
  since: number;
  secrets: SecretToFind[];
  required: string[];
}): ExtensionHostScan {
  const artefacts: Artefact[] = [];
  const counts: Record<string, number> = {};
  const logs = options.logRoots.flatMap((root) =>
    filesUnder(root, (file) => file.endsWith('.log') && fs.statSync(file).mtimeMs >= options.since).map((file) => ({
      root,
      file,
    })),
  );
  for (const { root, file } of logs) {
    const lines = linesOf(file, `log ${path.relative(root, file)}`);
    artefacts.push(...lines);
    const kind = path.basename(file) === 'RingCentral.log' ? 'RingCentral log lines' : 'other log lines';
    counts[kind] = (counts[kind] ?? 0) + lines.length;
  }
  for (const file of filesUnder(options.captureDir, (name) => name.endsWith('.jsonl'))) {
    const kind = path.basename(file, '.jsonl');
    const lines = linesOf(file, kind);
    artefacts.push(...lines);
    counts[kind] = (counts[kind] ?? 0) + lines.length;
  }
  const report = scanForSecrets(artefacts, options.secrets);
  const missing = options.required.filter((kind) => !counts[kind]);
  const lines = [
    describeScan('extension-host', report),
    `  scanned: ${
      Object.entries(counts)
        .map(([kind, count]) => `${count} ${kind}`)
        .join(', ') || 'nothing'
    }`,
  ];
  if (missing.length > 0)
    lines.push(`  nothing captured for: ${missing.join(', ')} (the scan would not see a leak there)`);
  if (options.secrets.length === 0) lines.push('  the emulator issued no secrets: nothing to look for');
  return {
    ok: report.findings.length === 0 && missing.length === 0 && options.secrets.length > 0,
    text: lines.join('\n'),
  };
}
