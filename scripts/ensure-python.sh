#!/usr/bin/env bash
# Makes sure python3 with venv and pip is available (installs Debian packages as root when missing).
set -euo pipefail
if python3 -c 'import sys, venv, ensurepip; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing python3, python3-venv and python3-pip with apt-get..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 python3-venv python3-pip >/dev/null
else
  echo "Python 3.11+ with the venv module is required (Debian: apt-get install python3-venv)." >&2
  exit 1
fi
