#!/usr/bin/env bash
# Installs what the e2e suite needs, all inside the clone: Debian's chromium, ripgrep,
# libkrb5-dev and a CJK font (apt, only if missing), and code-server under .e2e/ (gitignored).
# code-server's own postinstall downloads nothing we need but is skipped (npm runs no install
# scripts here), so its steps are done by hand: production deps of lib/vscode, the native
# modules rebuilt against this Node, Debian's rg in place of @vscode/ripgrep's download, and
# the postinstall's symlinks. Re-running it after a finished install does nothing.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT="$PWD"
CS_VERSION=4.100.3
DIR="$ROOT/.e2e"
CS="$DIR/node_modules/code-server"

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
# The corpus snippets have Chinese comments: a small CJK font so screenshots show them.
dpkg -s fonts-wqy-microhei >/dev/null 2>&1 || missing+=(fonts-wqy-microhei)
if [ ${#missing[@]} -gt 0 ]; then
  echo "e2e: apt-get install ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ -f "$DIR/.installed-$CS_VERSION" ]; then
  echo "e2e: code-server $CS_VERSION already installed in .e2e/"
  exit 0
fi

mkdir -p "$DIR"
cd "$DIR"
[ -f package.json ] || echo '{"name":"interleave-e2e","private":true}' > package.json
npm install --no-audit --no-fund --ignore-scripts "code-server@$CS_VERSION"

cd "$CS/lib/vscode"
npm install --no-audit --no-fund --omit=dev --ignore-scripts
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
npm_config_yes=true npm rebuild node-pty @parcel/watcher kerberos native-watchdog @vscode/spdlog @vscode/deviceid
ln -sfn node_modules node_modules.asar
ln -sfn code-linux.sh bin/remote-cli/code-server
ln -sfn browser-linux.sh bin/helpers/browser.sh

# argon2 is hoisted to .e2e/node_modules, so it is rebuilt from there.
cd "$DIR"
npm_config_yes=true npm rebuild argon2

touch "$DIR/.installed-$CS_VERSION"
echo "e2e: code-server $CS_VERSION installed in .e2e/"
