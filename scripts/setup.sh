#!/usr/bin/env bash
# One-time setup on a fresh machine: npm dependencies, Debian packages the tests use, and the real
# Kubernetes control plane built from Go modules (cached under ${SLUICE_CACHE:-~/.cache/sluice}).
set -euo pipefail
cd "$(dirname "$0")/.."
need_pkgs=()
for p in git openssh-server gnupg openssl; do dpkg -s "$p" >/dev/null 2>&1 || need_pkgs+=("$p"); done
if [ ${#need_pkgs[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_pkgs[@]}" >/dev/null
  else echo "setup: please install Debian packages: ${need_pkgs[*]}" >&2; fi
fi
npm ci --no-audit --no-fund
bash scripts/build-control-plane.sh
for s in scripts/setup.d/*.sh; do [ -e "$s" ] && bash "$s"; done
npm run build
