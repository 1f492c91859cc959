#!/usr/bin/env bash
# Runs the README's shell commands as a newcomer pastes them: every command of each ```bash block
# marked '<!-- run: it/readme-commands.sh -->' (ReadmeTest requires the marker on every such
# block), in order, from the repository root. Three adjustments, all printed:
#   - './mvnw -B verify' is skipped: it is the first step of .ci/run;
#   - the demo's plain command (exec:exec without demo.main and without arguments) gets a short
#     setting, -Ddemo.args="--epochs 1 --train 300 --test 60", as the README's "short run";
#   - a command ending in '&' (the HTTP service) runs in the background until its /health answers,
#     and is stopped at the end.
# What the curl and classify commands print is compared with the README's output block, with
# numbers and labels left out (a short run's figures differ from the README's full run).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
short='--epochs 1 --train 300 --test 60'
command -v curl >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq curl)
logs=$(mktemp -d)
server=""
cleanup() { if [ -n "$server" ]; then kill -- "-$server" 2>/dev/null || true; fi; }
trap cleanup EXIT

# The marked blocks' commands, one per line (continuation lines joined).
commands=$(awk '
  /^<!-- run: it\/readme-commands.sh -->$/ { marked = 1; next }
  marked && /^```bash$/ { inblock = 1; marked = 0; next }
  inblock && /^```$/ { inblock = 0; next }
  inblock {
    line = $0
    if (line ~ /\\$/) { sub(/\\$/, "", line); pending = pending line; next }
    print pending line; pending = ""
  }
  { marked = 0 }
' README.md)
[ -n "$commands" ] || { echo "README.md: no marked bash block" >&2; exit 1; }

# Compares an output line with the README's line after '$ <command>', numbers and labels aside.
shape() { sed -E 's/ \(HTTP [0-9]+\)$//; s/"label": "[a-z]+"/"label": L/g; s/[0-9]+(\.[0-9]+)?/N/g; s/ +/ /g'; }
expect_like() {
  local cmd=$1 got=$2 want
  want=$(grep -F -x -A1 -- "\$ $cmd" README.md | sed -n 2p)
  if [ -z "$want" ]; then return 0; fi
  if [ "$(printf '%s' "$got" | head -1 | shape)" != "$(printf '%s' "$want" | shape)" ]; then
    echo "README.md shows for '$cmd':"; echo "  $want"; echo "but it printed:"; echo "  $got"
    exit 1
  fi
}

n=0
while IFS= read -r cmd; do
  cmd=$(printf '%s' "$cmd" | sed -E 's/[[:space:]]+#.*$//; s/[[:space:]]+$//; s/  +/ /g')
  [ -n "$cmd" ] || continue
  n=$((n + 1))
  if [ "$cmd" = "./mvnw -B verify" ]; then
    echo "== readme $n: $cmd (skipped: .ci/run's first step)"
    continue
  fi
  run=$cmd
  if [[ $cmd == *exec:exec* && $cmd != *demo.main=* && $cmd != *demo.args=* && $cmd != *exec.args=* ]]; then
    run="$cmd -Ddemo.args=\"$short\""
  fi
  echo "== readme $n: $run"
  if [[ $run == *'&' ]]; then
    setsid bash -c "${run%&}" < /dev/null > "$logs/server.log" 2>&1 &
    server=$!
    for _ in $(seq 1 300); do
      curl -sf http://localhost:8080/health > /dev/null 2>&1 && break
      kill -0 "$server" 2>/dev/null || { cat "$logs/server.log"; exit 1; }
      sleep 1
    done
    continue
  fi
  out=$(bash -c "$run" < /dev/null 2>&1) || { echo "$out" | tail -40; echo "failed: $run" >&2; exit 1; }
  echo "$out" | tail -12
  if [[ $cmd == curl* ]]; then
    expect_like "$cmd" "$out"
  fi
  if [[ $cmd == *Classify\ * || $cmd == *Classify ]]; then
    header=$(grep -m1 -E '^image +top-1' README.md)
    [ "$(echo "$out" | grep -m1 -E '^image +top-1' | shape)" = "$(echo "$header" | shape)" ] \
      || { echo "classify printed no table like the README's: $header" >&2; exit 1; }
  fi
done <<< "$commands"
expected=$(printf '%s\n' "$commands" | grep -c -v '^[[:space:]]*$')
[ "$n" -eq "$expected" ] || { echo "ran $n of the README's $expected commands" >&2; exit 1; }
echo "README commands: all $n run or skipped as above"
