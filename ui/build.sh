#!/bin/sh
# Builds the web UI with the machine's Node.js and npm into the given folder; Maven runs it (ui/pom.xml).
# `npm ci` runs only when node_modules is missing or older than package-lock.json.
set -eu
out="$1"
cd "$(dirname "$0")"
if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
  echo "ERROR: building Cairn's web UI needs Node.js (>= 20.19) and npm on the PATH, and none was found." >&2
  echo "       Install them (Debian: apt-get install -y nodejs npm, or from nodejs.org), then build again." >&2
  exit 1
fi
if ! node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)'; then
  echo "ERROR: building Cairn's web UI needs Node.js >= 20.19 (found $(node --version)); Vite needs it." >&2
  exit 1
fi
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
CAIRN_UI_OUT="$out" npm run build
