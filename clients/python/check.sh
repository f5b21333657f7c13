#!/usr/bin/env bash
# Checks that the Python client agrees with the service:
#   1. regenerates its models and operations from the OpenAPI document the current code builds,
#      and fails if they differ from the committed files (drift), showing the difference;
#   2. type-checks the package and the examples with mypy --strict.
# Its behaviour (in process and against a live server) is tested by tests/clients in the suite.
# `./check.sh --update` writes the regenerated files instead of failing, for committing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
python="${PYTHON:-$root/.venv/bin/python}"

if [ "${1:-}" = "--update" ]; then
  "$python" "$here/generate.py"
else
  "$python" "$here/generate.py" --check
fi
cd "$here"
MYPYPATH=src "$python" -m mypy --strict src examples
echo "Python client: generated modules up to date, package and examples type-check."
