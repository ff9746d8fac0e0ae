#!/usr/bin/env bash
# The whole test suite: type check, lint, unit and database tests on SQLite, the browser tests,
# and — when TEST_DATABASE_URL names a PostgreSQL database — the database suites again on it.
# Usage: npm test            (SQLite; installs Debian's chromium for the browser tests if it may)
#        TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm test   (both dialects)
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-chromium.sh

step() { printf '\n== %s\n' "$*" >&2; }

# Test files: everything named *.test.ts(x) in src/ and test/; browser tests are *.e2e.test.ts.
mapfile -t unit_tests < <(find src test -name '*.test.ts' -o -name '*.test.tsx' | grep -v '\.e2e\.test\.' | sort)
mapfile -t e2e_tests < <(find test -name '*.e2e.test.ts' | sort)

run_node_tests() {
  node --import tsx --test --test-concurrency=2 --test-timeout=240000 "$@"
}

step "type check"
npx tsc --noEmit -p tsconfig.json

step "lint"
npx eslint --max-warnings=0 .

pg_url="${TEST_DATABASE_URL:-}"

step "unit and database tests on SQLite (${#unit_tests[@]} files)"
TEST_DATABASE_URL='' run_node_tests "${unit_tests[@]}"

step "browser tests in Chromium with axe (${#e2e_tests[@]} files)"
TEST_DATABASE_URL='' run_node_tests "${e2e_tests[@]}"

if [[ -n "$pg_url" ]]; then
  step "unit and database tests on PostgreSQL"
  TEST_DATABASE_URL="$pg_url" run_node_tests "${unit_tests[@]}"
fi
