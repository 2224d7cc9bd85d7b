#!/usr/bin/env bash
# Installs the external checkers the tests use, if missing: Java (Debian) and the Nu Html
# Checker (npm package vnu-jar, into .tools/). Safe to run again; downloads nothing else.
set -euo pipefail
cd "$(dirname "$0")/.."
apt_install() {
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null; fi
}
command -v java >/dev/null || apt_install default-jre-headless
command -v npm >/dev/null || apt_install npm
if [ ! -f .tools/node_modules/vnu-jar/build/dist/vnu.jar ]; then
  # --ignore-scripts: vnu-jar's postinstall would fetch a Java runtime; we use Debian's.
  npm install --silent --no-audit --no-fund --ignore-scripts --prefix .tools vnu-jar@26.9.27 >/dev/null
fi
echo "test tools ready: $(java -version 2>&1 | head -1); vnu-jar $(node -p 'require("./.tools/node_modules/vnu-jar/package.json").version')"
