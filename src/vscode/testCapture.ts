// Test-only: when the test harness sets RC_TEST_CAPTURE_DIR, a copy of what this extension shows (traces,
// webview states) is appended there, for the secret scan to check. Unset (always, outside the tests): nothing.
import * as fs from 'node:fs';
import * as path from 'node:path';

const captureDir = process.env.RC_TEST_CAPTURE_DIR;

export function captureForTests(kind: 'trace' | 'webview-state', value: unknown): void {
  if (!captureDir) return;
  try {
    fs.appendFileSync(path.join(captureDir, `${kind}.jsonl`), `${JSON.stringify(value)}\n`);
  } catch {
    // A capture that cannot be written must never break the extension; the scan then sees too little and fails.
  }
}
