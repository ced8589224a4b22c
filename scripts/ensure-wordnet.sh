#!/usr/bin/env bash
# Makes sure WordNet's database is at /usr/share/wordnet (Debian's wordnet-base): the verb
# lexicon's tests rebuild textcore/atomize/verbs.json from it (scripts/build_verb_lexicon.py).
set -euo pipefail

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if [ -f /usr/share/wordnet/index.verb ]; then
  echo "WordNet is installed."
  exit 0
fi
echo "Installing wordnet-base..."
as_root apt-get update -qq
DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq wordnet-base >/dev/null
[ -f /usr/share/wordnet/index.verb ] || { echo "wordnet-base did not install /usr/share/wordnet" >&2; exit 1; }
echo "WordNet is installed."
