#!/usr/bin/env bash
# Makes sure Debian's headless Chromium is installed at /usr/bin/chromium for the browser
# tests (Playwright drives it; we never download Playwright's own browser builds).
set -euo pipefail

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if [ -x /usr/bin/chromium ]; then
  echo "Chromium is installed."
  exit 0
fi
echo "Installing Chromium..."
as_root apt-get update -qq
DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium chromium-driver >/dev/null
[ -x /usr/bin/chromium ] || { echo "Chromium did not install at /usr/bin/chromium" >&2; exit 1; }
echo "Chromium is installed."
