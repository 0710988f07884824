#!/usr/bin/env bash
# Release build of the server binary and the site it serves, with cargo, wasm-bindgen and
# wasm-opt only (run by `make build`, so by `make run`, CI and the Dockerfile alike).
#
# It lays the site out exactly as `cargo leptos build --release` does (Cargo.toml's
# [[workspace.metadata.leptos]]), so `make watch` (cargo-leptos, for hot reload) and this script
# are interchangeable; it exists because compiling cargo-leptos itself takes about 15 minutes on
# a fresh machine, half of the time before a newcomer sees the app.
#
#   <target>/release/server                  the server (ssr)
#   <site>/pkg/interview-coach.js|.wasm      the hydrating bundle (frontend crate, wasm-release)
#   <site>/pkg/interview-coach.css           style/main.css
#   <site>/…                                 everything under public/
#
# LEPTOS_OUTPUT_NAME is set for every compilation in .cargo/config.toml, as cargo-leptos sets it:
# leptos reads it at compile time to name the bundle without wasm-bindgen's `_bg` suffix.
#
# Usage: scripts/build-site.sh <cargo target dir> <site root>
set -euo pipefail
cd "$(dirname "$0")/.."

target_dir=${1:?usage: build-site.sh <cargo target dir> <site root>}
site=${2:?usage: build-site.sh <cargo target dir> <site root>}
name=interview-coach

step() { printf '\n== %s ==\n' "$*"; }

step "server (release)"
cargo build --locked --release -p server

step "browser bundle (wasm-release)"
cargo build --locked --profile wasm-release -p frontend --lib --target wasm32-unknown-unknown

step "site in $site"
staging="$site.new"
rm -rf "$staging"
mkdir -p "$staging/pkg"
cp -R public/. "$staging/"
wasm-bindgen --target web --no-typescript --out-dir "$staging/pkg" --out-name "$name" \
  "$target_dir/wasm32-unknown-unknown/wasm-release/frontend.wasm"
# -Oz as for the wasm-release profile: small beats fast. The features are the ones rustc's
# wasm32 target enables by default, so wasm-opt may keep using them.
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  -o "$staging/pkg/$name.wasm" "$staging/pkg/${name}_bg.wasm"
rm "$staging/pkg/${name}_bg.wasm"
cp style/main.css "$staging/pkg/$name.css"
node scripts/precompress.mjs "$staging"

# Swap the finished site in whole: a server running from the old one never sees half a bundle.
rm -rf "$site.old"
if [[ -d "$site" ]]; then mv "$site" "$site.old"; fi
mv "$staging" "$site"
rm -rf "$site.old"
ls -l "$site/pkg"
