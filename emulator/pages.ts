// Self-contained HTML (no scripts, no external resources); everything echoed is escaped.

export function escapeHtml(value: unknown): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const STYLE = `body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;margin:0;background:#f4f6f8;color:#1d2129}
main{max-width:560px;margin:48px auto;background:#fff;border-radius:8px;padding:32px;box-shadow:0 1px 4px rgba(0,0,0,.12)}
h1{font-size:22px;margin-top:0}code{background:#eef1f4;padding:1px 4px;border-radius:3px;word-break:break-all}
ul{padding-left:20px}button{font-size:15px;padding:8px 20px;border-radius:4px;border:1px solid #0073ae;cursor:pointer;margin-right:8px}
#approve{background:#0073ae;color:#fff}#deny{background:#fff;color:#0073ae}
.muted{color:#6b7380;font-size:13px}.error{color:#b00020}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #e3e6ea;padding:6px;text-align:left;vertical-align:top}input[type=text],select,textarea{width:100%;box-sizing:border-box;padding:6px}textarea{font-family:monospace;word-break:break-all}`;

/** `body` must already be escaped HTML. */
export function layout(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>
${body}
</main></body></html>
`;
}

export interface ErrorPageOptions {
  title: string;
  heading: string;
  lines: string[];
  code?: string;
  error?: string;
  footer?: string;
}

export function errorPage(options: ErrorPageOptions): string {
  const parts = [`<h1 class="error">${escapeHtml(options.heading)}</h1>`];
  if (options.code) {
    parts.push(`<p>Error code: <code id="error-code">${escapeHtml(options.code)}</code></p>`);
  }
  options.lines.forEach((line, index) => {
    parts.push(index === 0 ? `<p id="error-message">${escapeHtml(line)}</p>` : `<p>${escapeHtml(line)}</p>`);
  });
  if (options.error) {
    parts.push(`<p class="muted">OAuth error: <code>${escapeHtml(options.error)}</code></p>`);
  }
  if (options.footer) {
    parts.push(`<hr><p class="muted">${escapeHtml(options.footer)}</p>`);
  }
  return layout(options.title, parts.join('\n'));
}

/** Security headers for every HTML page: no script, no framing, styles inline only. */
export const HTML_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  // No form-action: browsers apply it to the redirect after the consent form, which leaves for vscode://.
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
};
