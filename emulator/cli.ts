// node out/emulator/cli.js (or `npm run emulator -- …`) [--port N] [--auto-approve] [--no-rate-limit]
// Prints one JSON line {"url","clientId"} on stdout (for scripts), help on stderr, runs until SIGINT/SIGTERM.
import { AUTH_CODE_ONLY_APP, DEFAULT_APPS, DEMO_APP, DEMO_USERS, JWT_ONLY_APP, startEmulator } from './server';

function parseArgs(argv: string[]): { port: number; autoApprove: boolean; rateLimit: boolean } {
  const result = { port: 0, autoApprove: false, rateLimit: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--port') {
      result.port = Number(argv[++i]);
    } else if (arg.startsWith('--port=')) {
      result.port = Number(arg.slice('--port='.length));
    } else if (arg === '--auto-approve') {
      result.autoApprove = true;
    } else if (arg === '--no-rate-limit') {
      result.rateLimit = false;
    } else if (arg === '--help' || arg === '-h') {
      process.stderr.write('Usage: node out/emulator/cli.js [--port N] [--auto-approve] [--no-rate-limit]\n');
      process.exit(0);
    } else {
      process.stderr.write(`Unknown argument: ${arg}\n`);
      process.exit(2);
    }
  }
  if (!Number.isInteger(result.port) || result.port < 0 || result.port > 65535) {
    process.stderr.write('--port needs a number between 0 and 65535\n');
    process.exit(2);
  }
  return result;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const emulator = await startEmulator({
    port: args.port,
    autoApprove: args.autoApprove,
    rateLimit: args.rateLimit ? undefined : false,
    apps: DEFAULT_APPS,
  });
  process.stdout.write(`${JSON.stringify({ url: emulator.url, clientId: DEMO_APP.clientId })}\n`);
  const help = [
    `RingCentral OAuth emulator listening on ${emulator.url}`,
    `  Console:        ${emulator.url}/__console`,
    `  Client ID:      ${DEMO_APP.clientId} (public app, PKCE, no secret)`,
    `  Redirect URIs:  ${DEMO_APP.redirectUris.join('\n                  ')}`,
    `  Other apps:     ${JWT_ONLY_APP.clientId} (JWT only, no redirect URI; secret ${JWT_ONLY_APP.clientSecret})`,
    `                  ${AUTH_CODE_ONLY_APP.clientId} (auth code only; secret ${AUTH_CODE_ONLY_APP.clientSecret})`,
    ...DEMO_USERS.map(
      (user, index) =>
        `  ${index === 0 ? 'Users:         ' : '               '} ${user.name} <${user.email}> (ext. ${user.extensionNumber}, id ${user.id})${index === 0 ? ', the default' : ''}`,
    ),
    `  Sign-ins:       ${args.autoApprove ? 'approved automatically' : 'shown on a consent page'}`,
    `  Auth rate limit: ${args.rateLimit ? '5 per minute per user and app, 60 s penalty' : 'off'}`,
    '  Set "ringcentral.server" to the URL above and "ringcentral.clientId" to the client ID. Ctrl+C stops.',
  ];
  process.stderr.write(`${help.join('\n')}\n`);
  const stop = (): void => {
    void emulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
