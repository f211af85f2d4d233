#!/usr/bin/env bash
# Runs one libFuzzer target for a bounded time on its seeds and the committed regression inputs.
#   tests/fuzz/run.sh FUZZ_BUILD_DIR TARGET SECONDS SEEDS_DIR
# Fails on any crash, leak, timeout (10 s per input; HS_FUZZ_TIMEOUT for long runs on a busy machine) or out-of-memory, printing the input's path. New inputs go to a
# scratch corpus (the seeds stay as they are); crash inputs are kept under FUZZ_BUILD_DIR/artifacts/.
set -euo pipefail
dir="$1" target="$2" secs="$3" seeds="$4"
root="$(cd "$(dirname "$0")/../.." && pwd)"
bin="$dir/$target"
[ -x "$bin" ] || { echo "$bin is not built: cmake --build --preset fuzz"; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/corpus" "$dir/artifacts"
inputs=("$work/corpus")
[ -d "$seeds/$target" ] && inputs+=("$seeds/$target")
[ -d "$root/tests/fuzz/regressions/$target" ] && inputs+=("$root/tests/fuzz/regressions/$target")
# The regression inputs first, each on its own: a fixed bug that comes back fails here at once.
if [ -d "$root/tests/fuzz/regressions/$target" ] && [ -n "$(ls -A "$root/tests/fuzz/regressions/$target")" ]; then
  "$bin" -runs=0 "$root/tests/fuzz/regressions/$target"/* >/dev/null 2>"$work/regress.log" || {
    cat "$work/regress.log"; echo "FAILED: a regression input crashes $target again"; exit 1; }
fi
ASAN_OPTIONS="detect_leaks=1:abort_on_error=0" UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
  "$bin" -max_total_time="$secs" -timeout="${HS_FUZZ_TIMEOUT:-10}" -rss_limit_mb=2560 -max_len=65536 -print_final_stats=1 \
  -artifact_prefix="$dir/artifacts/$target-" "${inputs[@]}" >"$work/log" 2>&1 || {
    grep -v -E '^#[0-9]+' "$work/log" | tail -40; echo "FAILED: $target found a problem (input saved under $dir/artifacts/)"; exit 1; }
runs="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$work/log" | grep -o '[0-9]*$' || echo '?')"
cov="$(grep -o 'cov: [0-9]*' "$work/log" | tail -1 || true)"
echo "$target: $runs inputs in $secs s, $cov, no findings"
