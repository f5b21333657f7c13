#!/usr/bin/env bash
# Installs what the explorer's checks need on a Debian/Ubuntu CI runner:
#   - Debian's headless Chromium and its WebDriver, for the browser tests (pytest -m browser);
#     without them those tests are skipped, so CI installs them first.
#   - Nothing for Node: the TypeScript check (clients/typescript/check.sh) needs node >= 20 and
#     npm, which it expects on the PATH, and fetches its locked packages from the npm registry.
# Run as root, or with sudo available. Idempotent.
set -euo pipefail

if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  echo "chromium and chromedriver are already installed"
else
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update
  $sudo apt-get install -y --no-install-recommends chromium chromium-driver
fi
/usr/bin/chromium --version 2>/dev/null || true
/usr/bin/chromedriver --version
