#!/usr/bin/env bash
# Starts the release server for the browser tests on a fresh database in a scratch directory.
# Usage: serve.sh PORT [NAME=VALUE ...]   (extra settings, e.g. OIDC_ISSUER_URL=...)
# SERVER_BIN and SITE_ROOT come from the Makefile (they follow CARGO_TARGET_DIR).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
port="${1:-3100}"
shift || true
scratch="$here/.tmp/run-$port"
rm -rf "$scratch"
mkdir -p "$scratch"
bin="${SERVER_BIN:-$root/target/release/server}"
site="${SITE_ROOT:-$root/target/site}"
if [[ ! -x "$bin" || ! -d "$site/pkg" ]]; then
  echo "serve.sh: no release build at $bin / $site; run 'make build' first" >&2
  exit 1
fi
cd "$scratch"
exec env -i PATH="$PATH" HOME="$HOME" \
  PORT="$port" HOST=127.0.0.1 \
  DATA_DIR="$scratch/data" LOG_DIR="$scratch/logs" REPORTS_DIR="$scratch/reports" \
  LEPTOS_SITE_ROOT="$site" RUST_LOG="${RUST_LOG:-info}" \
  "$@" \
  "$bin"
