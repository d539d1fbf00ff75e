#!/usr/bin/env bash
# The dashboard's browser test drives Debian's Chromium through ChromeDriver (packages chromium and
# chromium-driver). On a fresh machine of the kind chipcast is built on (Debian, root) they are
# installed here, once; anywhere else this says what to install.
set -euo pipefail
if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
  exit 0
fi
if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
  echo "installing Debian's chromium and chromium-driver for the dashboard's browser test …"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q chromium chromium-driver >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q chromium chromium-driver >/dev/null; }
  exit 0
fi
echo "The dashboard's browser test needs Chromium and ChromeDriver at /usr/bin/chromium and /usr/bin/chromedriver:" >&2
echo "  sudo apt-get install -y chromium chromium-driver" >&2
exit 1
