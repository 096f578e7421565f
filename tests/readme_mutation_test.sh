#!/usr/bin/env bash
# The README test must catch a README that is wrong: each change below, made to a copy of the
# README, must make tests/readme_commands_test.sh fail (and the unchanged copy must pass).
#   readme_mutation_test.sh ATELIER README SOURCE_DIR BUILD_DIR
set -uo pipefail
binary=$1 readme=$2 src=$3 build=$4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export README_TEST_SKIP_DEMO=1 # run-demo.sh and the test binary are not what these changes touch
export README_TEST_QUICK=1     # the first failure is enough; no change touches the slow lines
failures=0

check() { # NAME SED-SCRIPT: the change must be made, and the README test must fail on it
  local name=$1 script=$2
  sed -E "$script" "$readme" >"$work/README.md"
  if cmp -s "$readme" "$work/README.md"; then
    echo "FAIL: the change '$name' no longer applies to README.md (update this test)"
    failures=$((failures + 1))
    return
  fi
  if bash "$src/tests/readme_commands_test.sh" "$binary" "$work/README.md" "$src" "$build" >"$work/out" 2>&1; then
    echo "FAIL: the README test passed with: $name"
    failures=$((failures + 1))
  else
    echo "ok: caught ($name): $(grep -m1 '^FAIL' "$work/out")"
  fi
}

cp "$readme" "$work/README.md"
if ! bash "$src/tests/readme_commands_test.sh" "$binary" "$work/README.md" "$src" "$build" >"$work/out" 2>&1; then
  cat "$work/out"
  echo "FAIL: the README test fails on the README itself"
  exit 1
fi
check "an apply output line changed" '/^\{"action":"add_note","created"/ s/"line":2/"line":7/'
check "an apply output's key order changed" '/^\{"action":"add_team"/ s/^\{"action":"add_team",/{"ok":true,"action":"add_team",/; /^\{"ok":true,"action":"add_team"/ s/,"ok":true\}$/}/'
check "an apply error message changed" '/^\{"error":/ s/couleur/colour/'
check "an export format misspelt" 's/--format md --out/--format mdx --out/'
check "a command's option misspelt" 's/--team 3      # one copy per laptop/--teams 3      # one copy per laptop/'
check "a command that does not exist" 's/^atelier search event.db /atelier find event.db /'
check "a command the test cannot run" '0,/^bash scripts\/run-demo.sh/ s//make install\nbash scripts\/run-demo.sh/'
check "a command missing from the table" '/^\| `atelier generate DB/d'
check "the core-only build back in build/" 's/cmake -S \. -B build-core -DATELIER_BUILD_GUI=OFF/cmake -S . -B build -DATELIER_BUILD_GUI=OFF/'
if [ $failures -gt 0 ]; then
  echo "the README test missed $failures change(s)"
  exit 1
fi
echo "the README test catches every changed example."
