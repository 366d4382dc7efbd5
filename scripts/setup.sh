#!/usr/bin/env bash
# Installs what undoc needs on Debian or Ubuntu: libxml2 (HTML/XML reading), poppler-utils
# (pdftotext, for PDF input), pkg-config and SQLite with FTS5 (libsqlite3-dev, for the
# session index that `undoc index` writes through GRDB). Skips what is already there; needs root
# (or sudo) only when something is missing.
set -euo pipefail

missing=()
dpkg -s libxml2-dev >/dev/null 2>&1 || missing+=(libxml2-dev)
dpkg -s poppler-utils >/dev/null 2>&1 || missing+=(poppler-utils)
dpkg -s pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
dpkg -s libsqlite3-dev >/dev/null 2>&1 || missing+=(libsqlite3-dev)

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! command -v swift >/dev/null 2>&1; then
  echo "setup: Swift 6.1 or later is needed (https://www.swift.org/install/)" >&2
  exit 1
fi
