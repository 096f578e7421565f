# Sourced by the whole-frame tests: a private 1920x1080 Xvfb (its display number chosen by Xvfb),
# Mesa's software OpenGL, and a scratch home; $work is the scratch folder, removed on exit.
# Without Xvfb the test is skipped (exit 77), or fails under CI, where setup installs it.
command -v Xvfb >/dev/null || {
    [ -n "${CI:-}" ] && { echo "FAIL: Xvfb is not installed"; exit 1; }
    echo "SKIP: Xvfb is not installed"; exit 77
}
work=$(mktemp -d)
Xvfb -displayfd 3 -screen 0 1920x1080x24 -nolisten tcp 3>"$work/display" 2>/dev/null &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.1; done
[ -s "$work/display" ] || { echo "FAIL: Xvfb did not start"; exit 1; }
export DISPLAY=":$(head -1 "$work/display")" LIBGL_ALWAYS_SOFTWARE=1 GALLIUM_DRIVER=llvmpipe
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share"
