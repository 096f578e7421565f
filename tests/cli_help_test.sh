#!/usr/bin/env bash
# `atelier --help` tells the whole story: how to open the app, every option the app accepts (as
# `atelier DB --help` lists them), every view, every export format, the global --lang; and
# --lang is accepted before (or after) any command.
#   cli_help_test.sh ATELIER VERSION   (VERSION: the project's, from CMake)
set -uo pipefail
binary=$1
expected_version=${2:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
unset ATELIER_LANG
failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

help=$("$binary" --help) || fail "atelier --help exits non-zero"
grep -qF "atelier [DB] [OPTIONS]" <<<"$help" || fail "--help does not say how to open the app (atelier [DB] [OPTIONS])"
grep -qE "^Usage: atelier " <<<"$help" || fail "--help's usage line does not name the program atelier"

# Every option of the app, and every view it can show.
app_help=$("$binary" "$work/none.db" --help 2>&1)
if [ $? -eq 0 ]; then
  options=$(grep -oE '^  --[a-z-]+' <<<"$app_help" | tr -d ' ' | grep -v -e '^--help$')
  [ "$(wc -l <<<"$options")" -ge 8 ] || fail "could not read the app's options from 'atelier DB --help'"
  for option in $options; do
    grep -qE "^  $option( |$)" <<<"$help" || fail "--help leaves out the app option $option"
  done
  views=$(grep -oE -- '--view TEXT:\{[a-z,]+\}' <<<"$app_help" | sed 's/.*{//; s/}//' | tr ',' ' ')
  [ -n "$views" ] || fail "could not read the views from 'atelier DB --help'"
  for view in $views; do grep -qE "[ :,]$view(,|$)" <<<"$help" || fail "--help leaves out the view $view"; done
else
  echo "the binary has no desktop interface: app options not checked"
fi

# Every export format.
for format in md html csv json png; do
  grep -qE "(^|[ ,(])$format([ ,)]|$)" <<<"$(sed -n '/^Formats d.export/,/^$/p' <<<"$help")" ||
    fail "--help's export formats leave out $format"
  grep -qE "^  export .*\b$format\b" <<<"$help" || fail "the export command's line in --help leaves out $format"
done

# --lang before any command, after it, and a wrong value refused with what to do.
"$binary" demo "$work/demo.db" >/dev/null || fail "atelier demo failed"
before=$("$binary" --lang en info "$work/demo.db" 2>&1) || fail "atelier --lang en info DB is refused: $before"
after=$("$binary" info "$work/demo.db" --lang en 2>&1) || fail "atelier info DB --lang en is refused: $after"
french=$("$binary" --lang fr info "$work/demo.db" 2>&1) || fail "atelier --lang fr info DB is refused"
[ "$before" = "$after" ] || fail "--lang en before and after the command differ"
[ "$before" != "$french" ] || fail "--lang en and --lang fr print the same summary"
missing=$("$binary" --lang en info "$work/missing.db" 2>&1)
grep -q "No such\|not found\|does not exist\|cannot" <<<"$missing" || fail "--lang en did not make the error English: $missing"
missing_fr=$("$binary" info "$work/missing.db" 2>&1)
[ "$missing" != "$missing_fr" ] || fail "the error is the same in French and English: $missing"
wrong=$("$binary" --lang de info "$work/demo.db" 2>&1) && fail "--lang de was accepted"
grep -q -- "--lang" <<<"$wrong" || fail "--lang de is refused without naming --lang: $wrong"
version=$("$binary" --lang en --version 2>&1) || fail "atelier --lang en --version is refused"
[ "$version" = "atelier $expected_version" ] || fail "atelier --version prints '$version', not the project's version 'atelier $expected_version'"

if [ $failures -gt 0 ]; then
  echo "atelier --help: $failures failure(s)"
  exit 1
fi
echo "atelier --help tells the whole story; --lang works before and after a command."
