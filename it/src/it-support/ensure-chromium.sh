#!/usr/bin/env bash
# Makes sure a headless Chromium is available for the HTML report IT (budgets-html-report) and prints its path.
# Idempotent: does nothing when a browser is already installed. Otherwise installs Debian's `chromium` package,
# which needs root (CI runs as root in a Debian container). Exit code 0 = the last line of stdout is the browser;
# anything else = it could not be installed, and stderr says why and what to do.
set -euo pipefail

find_browser() {
  for b in "${CHROMIUM:-}" chromium chromium-browser google-chrome-stable google-chrome; do
    if [ -n "$b" ] && command -v "$b" >/dev/null 2>&1; then
      command -v "$b"
      return 0
    fi
  done
  return 1
}

if browser=$(find_browser); then
  echo "$browser"
  exit 0
fi

if [ "$(id -u)" != "0" ]; then
  echo "ensure-chromium: no Chromium found (tried \$CHROMIUM, chromium, chromium-browser, google-chrome) and not root," \
       "so it cannot be installed here. Install it once with: sudo apt-get install -y chromium" \
       "(or set CHROMIUM=/path/to/chrome)." >&2
  exit 2
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: no Chromium found and no apt-get to install it; install Chromium and set CHROMIUM=/path/to/chrome." >&2
  exit 2
fi

# Several IT builds may run this at once: serialize on a lock so apt/dpkg never run twice concurrently.
exec 9>/tmp/lambda-deploy-ensure-chromium.lock
flock 9
if browser=$(find_browser); then
  echo "$browser"
  exit 0
fi
echo "ensure-chromium: installing Debian package chromium (apt-get, one time)" >&2
export DEBIAN_FRONTEND=noninteractive
if ! { apt-get update -qq >&2 && apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >&2; }; then
  echo "ensure-chromium: apt-get could not install chromium (see the output above); install it by hand:" \
       "apt-get update && apt-get install -y chromium" >&2
  exit 3
fi
find_browser || { echo "ensure-chromium: chromium was installed but is not on PATH" >&2; exit 3; }
