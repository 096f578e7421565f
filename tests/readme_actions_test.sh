#!/usr/bin/env bash
# The README's action list must be what the binary says.
set -euo pipefail
binary=$1 readme=$2
expected=$("$binary" actions --markdown)
actual=$(sed -n '/<!-- actions:begin -->/,/<!-- actions:end -->/p' "$readme" | sed '1d;$d')
if [ "$expected" != "$actual" ]; then
  echo "README.md's action list is out of date. Regenerate it with: atelier actions --markdown"
  diff <(echo "$expected") <(echo "$actual") || true
  exit 1
fi
echo "README action list matches ($(echo "$expected" | wc -l) actions)."
