#!/usr/bin/env bash
# Sets up this machine for the project, idempotently.
#   bash scripts/setup.sh          npm packages (what `npm start` needs)
#   bash scripts/setup.sh --test   also the Debian packages the tests drive: chromium (task pane
#                                  end to end), LibreOffice Calc (portable workbook interop and
#                                  printing), poppler-utils (reads the printed PDF) and xmllint
#                                  (manifest schema validation)
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = "--test" ]; then
  need=()
  command -v chromium >/dev/null 2>&1 || need+=(chromium)
  command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
  command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)
  command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
  if [ ${#need[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo"
    echo "setup: installing Debian packages: ${need[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
  fi
fi

# npm ci when node_modules is missing or older than the lock file; it also builds lib/ (prepare).
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
elif [ ! -d lib ]; then
  npm run prepare
fi
