#!/usr/bin/env bash
# Makes sure a Chromium is available for the browser tests (test/e2e). Silent and exit 0 when one
# is there; otherwise installs Debian's `chromium` when it can (root + apt-get), else prints one
# line saying how to install it and exits 1.
#
#   CHROMIUM_PATH            use this browser binary (the e2e tests honour it too); it must exist.
#   ALLMANNING_CHROMIUM_PROBE  check this path instead of /usr/bin/chromium and `chromium` on PATH.
#                            Only for testing this script's missing branch without uninstalling,
#                            e.g. ALLMANNING_CHROMIUM_PROBE=/nonexistent scripts/ensure-chromium.sh
#
# Uses only bash builtins before apt-get, so it also works with an almost empty PATH.
set -u

HOW_TO="install it with: sudo apt-get install chromium (or set CHROMIUM_PATH to a Chromium binary)"

fail() {
  echo "allmanning tests: $1" >&2
  exit 1
}

if [[ -n "${CHROMIUM_PATH:-}" ]]; then
  [[ -f "$CHROMIUM_PATH" && -x "$CHROMIUM_PATH" ]] && exit 0
  fail "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable file; fix it, unset it, or $HOW_TO"
fi

have_chromium() {
  if [[ -n "${ALLMANNING_CHROMIUM_PROBE:-}" ]]; then
    [[ -f "$ALLMANNING_CHROMIUM_PROBE" && -x "$ALLMANNING_CHROMIUM_PROBE" ]]
    return
  fi
  [[ -x /usr/bin/chromium ]] || command -v chromium >/dev/null 2>&1
}

have_chromium && exit 0

MISSING="Chromium is missing; $HOW_TO"

[[ "${EUID:-$(id -u 2>/dev/null || echo 1)}" == "0" ]] || fail "$MISSING"
command -v apt-get >/dev/null 2>&1 || fail "$MISSING"

echo "allmanning tests: Chromium is missing; installing Debian's chromium with apt-get …" >&2
export DEBIAN_FRONTEND=noninteractive
if ! apt-get update -qq >&2; then
  fail "Chromium is missing and 'apt-get update' failed; $HOW_TO"
fi
if ! apt-get install -y -qq chromium >&2; then
  fail "Chromium is missing and 'apt-get install chromium' failed; $HOW_TO"
fi

have_chromium || fail "Chromium is still missing after 'apt-get install chromium'; $HOW_TO"
echo "allmanning tests: Chromium installed." >&2
exit 0
