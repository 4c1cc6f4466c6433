// VS Code turns `[label](command:…)` (and https:/file: targets) in notification text into a clickable link that
// runs the command. Server answers, display names and workspace settings reach notifications, so every message
// is passed through here first (src/vscode/notify.ts): no link syntax survives.

/**
 * Breaks every `](` — the one sequence VS Code's notification link syntax (`[label](target)`) cannot do without —
 * by putting a space in it. Nothing else changes, so codes, URLs and "[ReadAccounts] permission" stay readable.
 */
export function escapeForNotification(text: string): string {
  return text.replace(/\]\(/g, '] (');
}
