#!/usr/bin/env bash
# Checks that the TypeScript client agrees with the service:
#   1. dumps the OpenAPI document the current code generates (building the app reads no data);
#   2. regenerates src/schema.d.ts from it with openapi-typescript;
#   3. fails if either differs from the committed file (drift), showing the difference;
#   4. type-checks the example consumer with tsc --noEmit (strict).
# `./check.sh --update` writes the regenerated files instead of failing, for committing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
python="${PYTHON:-$root/.venv/bin/python}"
update=false
[ "${1:-}" = "--update" ] && update=true

cd "$here"
# Exactly the locked versions; only fetched when the lock changed or nothing is installed.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$root" && "$python" -c '
import json, sys
from app.main import create_app
json.dump(create_app().openapi(), sys.stdout, indent=2, ensure_ascii=False)
sys.stdout.write("\n")
') > "$work/openapi.json"
npx --no-install openapi-typescript "$work/openapi.json" --output "$work/schema.d.ts" >/dev/null

drift=false
for pair in "$work/openapi.json:openapi.json" "$work/schema.d.ts:src/schema.d.ts"; do
  fresh="${pair%%:*}" committed="${pair#*:}"
  if ! cmp -s "$fresh" "$committed"; then
    if $update; then
      cp "$fresh" "$committed"
      echo "updated $committed"
    else
      echo "drift: $committed is not what the current API generates:" >&2
      diff -u "$committed" "$fresh" | head -n 80 >&2 || true
      drift=true
    fi
  fi
done
if $drift; then
  echo "Run clients/typescript/check.sh --update and commit the result." >&2
  exit 1
fi

npx --no-install tsc --noEmit
echo "TypeScript client: schema up to date, example type-checks."
