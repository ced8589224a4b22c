#!/usr/bin/env bash
# Score extraction and matching on an evaluation set (articles, sources.jsonl, gold.json)
# through the exchange-format commands, on a fresh database.
#   bench/score_dev.sh EVAL_DIR [SCORER]      e.g. bench/score_dev.sh ../shared/eval/dev
# DATABASE_URL picks the database (default: a throw-away SQLite file); it is emptied first.
set -euo pipefail
dataset=${1:?usage: bench/score_dev.sh EVAL_DIR [SCORER]}
scorer=${2:-$(dirname "$dataset")/score.py}
here=$(cd "$(dirname "$0")/.." && pwd)
py=${PYTHON:-$here/.venv/bin/python}
work=$(mktemp -d)
export DATABASE_URL=${DATABASE_URL:-sqlite:///$work/score.sqlite3}
cd "$here"
"$py" manage.py flush --noinput >/dev/null 2>&1 || true
"$py" manage.py migrate --noinput >/dev/null
"$py" "$scorer" "$dataset" --commands | sed -n 's/^python manage.py/manage.py/p' > "$work/commands"
"$py" manage.py import_sources "$dataset/sources.jsonl" --no-progress
while read -r line; do
  case "$line" in
    manage.py\ ingest_article*) eval "\"$py\" $line" >/dev/null ;;
  esac
done < "$work/commands"
"$py" manage.py export_claims --output "$work/export.json"
"$py" "$scorer" "$dataset" "$work/export.json" ${SCORE_ARGS:-}
