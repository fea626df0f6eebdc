#!/usr/bin/env bash
# Makes sure the tools the container-image tests need are installed: Debian's docker-registry (distribution 2.8,
# the registry the tests push to) and htpasswd (apache2-utils, for the registry behind basic auth).
# Idempotent: does nothing when both are present. Installs with apt-get as root (or passwordless sudo); otherwise
# exits non-zero with the command to run by hand. Never starts the packaged service: the tests start their own
# registry on a free loopback port.
set -euo pipefail

registry_bin() {
  command -v docker-registry 2>/dev/null || { [ -x /usr/bin/docker-registry ] && echo /usr/bin/docker-registry; } || true
}

missing=()
[ -n "$(registry_bin)" ] || missing+=(docker-registry)
command -v htpasswd >/dev/null 2>&1 || missing+=(apache2-utils)
if [ ${#missing[@]} -eq 0 ]; then
  echo "ensure-docker-registry: docker-registry ($(registry_bin)) and htpasswd are installed"
  exit 0
fi

fail() {
  echo "ensure-docker-registry: cannot install ${missing[*]}: $1" >&2
  echo "ensure-docker-registry: install them by hand, e.g. 'sudo apt-get install -y ${missing[*]}' (Debian/Ubuntu)," >&2
  echo "ensure-docker-registry: or put a 'docker-registry' (distribution 2.8 'registry' binary) and 'htpasswd' on the PATH." >&2
  exit 2
}

command -v apt-get >/dev/null 2>&1 || fail "apt-get is not available on this system"
sudo=()
if [ "$(id -u)" != "0" ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo=(sudo -n)
  else
    fail "not root and no passwordless sudo"
  fi
fi

echo "ensure-docker-registry: installing ${missing[*]} with apt-get"
export DEBIAN_FRONTEND=noninteractive
# Keep the package's init script from starting a registry on port 5000: invoke-rc.d asks policy-rc.d first.
policy=/usr/sbin/policy-rc.d
created_policy=false
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' | "${sudo[@]}" tee "$policy" >/dev/null && "${sudo[@]}" chmod 755 "$policy" && created_policy=true
fi
cleanup() { if $created_policy; then "${sudo[@]}" rm -f "$policy"; fi; }
trap cleanup EXIT

apt_install() {
  "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=300 install -y --no-install-recommends "${missing[@]}"
}
if ! apt_install; then
  "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=300 update || fail "apt-get update failed (no network or no package mirror?)"
  apt_install || fail "apt-get install failed"
fi
[ -n "$(registry_bin)" ] && command -v htpasswd >/dev/null 2>&1 || fail "installed, but docker-registry or htpasswd is still missing"
echo "ensure-docker-registry: installed ${missing[*]}"
