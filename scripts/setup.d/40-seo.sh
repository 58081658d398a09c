#!/usr/bin/env bash
# SEO audit: the dev-only Yoast harness (npm yoastseo) that the comparison tests run against.
# Needs node >= 18 and npm; briefpress itself never needs node.
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v npm >/dev/null 2>&1; then
  echo "40-seo: npm not found; installing nodejs and npm from Debian"
  apt-get update -qq && apt-get install -y -qq nodejs npm >/dev/null
fi
npm ci --prefix tools/yoast-harness --no-audit --no-fund --loglevel=error
