#!/usr/bin/env bash
# The README must be exactly right: every command of its ```sh blocks and of its command-line
# examples is run, in order, in a scratch folder, and must succeed; the `apply` example's output
# must be what the program prints, byte for byte; the command table must list the binary's
# commands, no more, no less. A README line this test does not know how to run fails it, so a new
# example cannot slip in untested.
#   readme_commands_test.sh ATELIER README SOURCE_DIR BUILD_DIR
# The few commands that cannot run here are named in SKIPPED below, with the reason.
set -uo pipefail
binary=$(realpath "$1") readme=$(realpath "$2") src=$(realpath "$3") build=$(realpath "$4")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
unset ATELIER_LANG
export LC_ALL=C.UTF-8 HOME="$work/home" XDG_DATA_HOME="$work/home/data" XDG_CONFIG_HOME="$work/home/config"
mkdir -p "$HOME"
failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
  # The mutation test only asks whether a changed README fails: the first failure answers it.
  if [ -n "${README_TEST_QUICK:-}" ]; then exit 1; fi
}
# README_TEST_QUICK (tests/readme_mutation_test.sh, which runs this test ten times): stop at the
# first failure, and recognise without running the lines that take seconds and that no mutation
# changes (the screenshots under Xvfb, the cmake configure); readme_commands runs them all.
quick_skip() {
  if [ -n "${README_TEST_QUICK:-}" ]; then echo "SKIP (README_TEST_QUICK): $1"; return 0; fi
  return 1
}

# Commands the test does not run, each with its reason (matched against the whole line).
declare -A SKIPPED=(
  ["bash scripts/test.sh"]="the test command itself: it is what runs this test"
  ["bash scripts/ci-extra.sh"]="CI's second half (a clang tree, minutes of fuzzing): .ci/run runs it"
  ["atelier /tmp/e.db"]="opens the window and waits for the user"
  ["sudo apt install ./build/package/atelier_*.deb"]="installs on the system as root: scripts/ci-package.sh unpacks the package and runs it instead"
)

# `atelier` in the README is the binary under test; /tmp/ in an example is the scratch folder.
atelier() { "$binary" "$@"; }
has_display() { [ -n "${DISPLAY:-}" ] || command -v xvfb-run >/dev/null; }
with_display() { if [ -n "${DISPLAY:-}" ]; then "$@"; else xvfb-run -a -s "-screen 0 1920x1080x24" "$@"; fi; }

# What the README's examples take as given: the files of other laptops and sites.
given_files() {
  case "$1" in
    *"atelier merge event.db equipe-1.db"*)
      atelier copy event.db equipe-1.db --team 1 >/dev/null && atelier copy event.db equipe-11.db --team 11 >/dev/null ;;
    *"atelier merge revue-nationale.db rennes.db"*)
      for site in rennes lyon lille strasbourg nantes bordeaux; do atelier demo "$site.db" >/dev/null || return 1; done ;;
    *"atelier merge revue-nationale.db lyon-equipe-2.db"*)
      atelier copy lyon.db lyon-equipe-2.db --team 2 >/dev/null ;;
  esac
}

# A filled-in spreadsheet, as the organiser saves it after `atelier template`.
fill_in() {
  case "$1" in
    *"atelier template defis defis.csv"*)
      for n in 1 2 3 4 5 6 7 8 9 10 11; do
        printf '%s;Comment faire le défi %s au cœur de ville ?;Ville de Rennes;Rennes;;;;;Accueil;\r\n' "$n" "$n"
      done >>defis.csv ;;
    *"atelier template teams teams.csv"*)
      for n in 1 3 11; do printf 'Équipe %s;#54A24B;%s;Membre %s;CNFPT;participant\r\n' "$n" "$n" "$n"; done >>teams.csv ;;
  esac
}

run_line() { # one command line of the README, in the scratch folder
  local line=$1 out status
  line=${line//\/tmp\//$work/}
  case "$line" in
    atelier*--format\ png*|atelier*--screenshot*)
      if quick_skip "$1"; then return; fi
      if ! has_display; then echo "SKIP (no display, no xvfb-run): $1"; return; fi
      out=$(cd "$work" && eval "with_display \"\$binary\" ${line#atelier }" 2>&1) ;;
    atelier*) out=$(cd "$work" && given_files "$line" && eval "$line" 2>&1 && fill_in "$line") ;;
    "bash scripts/run-demo.sh")
      if [ -n "${README_TEST_SKIP_DEMO:-}" ]; then echo "SKIP (README_TEST_SKIP_DEMO): $1"; return; fi
      # Without a display it builds the binary and prints the demo's summary. In a tree that
      # scripts/build.sh configured (the test command's), that build has nothing left to do.
      if ! grep -q '^ATELIER_WERROR:BOOL=ON' "$build/CMakeCache.txt"; then
        echo "SKIP (this build tree was not made by scripts/build.sh): $1"
        return
      fi
      out=$(cd "$src" && env -u DISPLAY -u WAYLAND_DISPLAY BUILD_DIR="$build" bash scripts/run-demo.sh 2>&1)
      status=$?
      if [ $status -ne 0 ] || ! grep -q "Rennes" <<<"$out"; then fail "$1 (exit $status)"; echo "$out" | tail -20; fi
      return ;;
    "cmake -S . -B build-core "*)
      # The core-only tree, configured in the scratch folder (building it is the core tests' job).
      if quick_skip "$1"; then return; fi
      out=$(cd "$work" && eval "${line/-S ./-S $src}" 2>&1) && out+=$(grep '^ATELIER_BUILD_GUI:BOOL=OFF' "$work/build-core/CMakeCache.txt") ;;
    "cmake --install build "*)
      # Into the scratch home (~ is $HOME here), from the tree under test.
      out=$(cd "$work" && eval "${line/--install build/--install \"\$build\"}" 2>&1) &&
        out+=$(ls "$HOME/.local/bin/atelier" "$HOME/.local/share/applications/atelier.desktop" \
          "$HOME/.local/share/icons/hicolor/48x48/apps/atelier.png" 2>&1) ;;
    "cpack --config build/"*)
      # The package of the tree under test, written into the scratch folder (CI's
      # scripts/ci-package.sh checks it further); the mutation test's runs leave it out.
      if [ -n "${README_TEST_SKIP_DEMO:-}" ]; then echo "SKIP (README_TEST_SKIP_DEMO): $1"; return; fi
      line=${line/-B build\//-B \"\$work\"/}
      out=$(cd "$work" && eval "${line//build\//\"\$build\"/}" 2>&1) && out+=$(ls "$work"/package/atelier_*.deb 2>&1) ;;
    build/tests/*)
      if [ -n "${README_TEST_SKIP_DEMO:-}" ]; then echo "SKIP (README_TEST_SKIP_DEMO): $1"; return; fi
      out=$(cd "$src" && eval "${line/#build\//$build/}" 2>&1) ;;
    *)
      fail "the README runs a command this test does not know: $1 (run it here, or add it to SKIPPED with why)"
      return ;;
  esac
  status=$?
  if [ $status -ne 0 ]; then
    fail "$1 (exit $status)"
    echo "$out" | tail -20
  else
    echo "ok: $1"
  fi
}

# The ```sh blocks, in order: one command a line (a here-document joins its lines), comments off.
commands=()
in_block=0 heredoc=""
while IFS= read -r raw; do
  if [ $in_block -eq 0 ]; then
    [ "$raw" = '```sh' ] && in_block=1
    continue
  fi
  if [ -n "$heredoc" ]; then
    commands[-1]+=$'\n'"$raw"
    [ "$raw" = "$heredoc" ] && heredoc=""
    continue
  fi
  [ "$raw" = '```' ] && in_block=0 && continue
  line=$(sed -E 's/[[:space:]]+#[[:space:]].*$//; s/[[:space:]]+$//' <<<"$raw")
  [ -z "$line" ] || [[ "$line" == \#* ]] && continue
  commands+=("$line")
  if [[ "$line" =~ \<\<\'([A-Z]+)\' ]]; then heredoc=${BASH_REMATCH[1]}; fi
done <"$readme"
# The command-line examples written inline: `atelier … /tmp/e.db …`.
while IFS= read -r inline; do commands+=("$inline"); done < <(grep -oE '`atelier [^`]*/tmp/e\.db[^`]*`' "$readme" | tr -d '`')

[ ${#commands[@]} -ge 20 ] || fail "only ${#commands[@]} commands found in the README's sh blocks"
for cmd in "${commands[@]}"; do
  first=${cmd%%$'\n'*}
  if [ -n "${SKIPPED[$first]+x}" ]; then
    echo "not run: $first (${SKIPPED[$first]})"
    continue
  fi
  if [[ "$cmd" == *$'\n'* ]]; then # a here-document: its output is compared below
    continue
  fi
  run_line "$cmd"
done

# The apply example: the here-document's output, byte for byte, is the ```json block after it.
example=""
for cmd in "${commands[@]}"; do [[ "$cmd" == "atelier apply "*$'\n'* ]] && example=$cmd; done
expected=$(awk '/^```json$/ {on=1; next} /^```$/ {on=0} on' "$readme")
if [ -z "$example" ] || [ -z "$expected" ]; then
  fail "the README's apply example (an 'atelier apply … <<'EOF'' block and a json block of its output) is missing"
else
  actual=$(cd "$work" && eval "${example//\/tmp\//$work/}" 2>/dev/null)
  if [ "$actual" != "$expected" ]; then
    fail "the README's apply output is not what 'atelier apply' prints:"
    diff <(echo "$expected") <(echo "$actual")
  else
    echo "ok: the apply example prints the README's $(echo "$expected" | wc -l) lines"
  fi
fi

# The command table lists exactly the binary's commands.
listed=$(sed -n '/^| command | what it does |$/,/^$/p' "$readme" | grep -oE '^\| `atelier [a-z]+' | sed 's/.*atelier //' | sort -u)
listed+=$'\n'$(sed -n '/^| command | what it does |$/,/^$/p' "$readme" | grep -oE '/ `atelier [a-z]+' | sed 's/.*atelier //' | sort -u)
listed=$(echo "$listed" | sed '/^$/d' | sort -u)
known=$("$binary" --help | sed -n '/^Subcommands:/,/^$/p' | awk 'NR > 1 && NF {print $1}' | sort -u)
if [ "$listed" != "$known" ]; then
  fail "the README's command table and 'atelier --help' list different commands:"
  diff <(echo "$known") <(echo "$listed")
fi

if [ $failures -gt 0 ]; then
  echo "README.md: $failures failure(s)"
  exit 1
fi
echo "README.md: every command ran, the apply example and the command table match the binary."
