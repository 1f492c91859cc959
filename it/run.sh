#!/usr/bin/env bash
# Builds the user projects in it/ against the installed jconv artifacts, as a user would:
#   it/consumer            README snippet; compiles a @Network (SIMD), trains, predicts, checks
#                          the kernels (JUnit); -Pstrict: -Xlint:all -Werror with scalar kernels
#   it/consumer + src/shape-error/java   must fail, with the error on the marked line
#   it/modular             module-info.java; runs Main on the module path
# Usage: it/run.sh MVN...   e.g.  it/run.sh ./mvnw   or   it/run.sh mvn
# Env: IT_REPO (a local repository for -Dmaven.repo.local), IT_STRICT_SIMD=1 (also -Pstrict-simd,
# which needs javac 21+ for -Xlint:-incubating). Needs `./mvnw install` of this repository first.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
mvn_cmd=("$@")
[ ${#mvn_cmd[@]} -gt 0 ] || { echo "usage: it/run.sh MVN [ARGS...]" >&2; exit 2; }
opts=(-B)
[ -n "${IT_REPO:-}" ] && opts+=("-Dmaven.repo.local=$IT_REPO")
logs=$(mktemp -d)
label="$(basename "${mvn_cmd[0]}") $("${mvn_cmd[@]}" -v -B 2>/dev/null | sed -n 's/.*Apache Maven \([0-9.]*\).*/\1/p' | head -1)"

bash "$here/check-readme-snippet.sh"

fail() { echo "it [$label]: FAILED: $1 (log: $2)" >&2; tail -40 "$2" >&2; exit 1; }
build() { # name, then maven arguments; returns maven's exit code
  local name=$1; shift
  "${mvn_cmd[@]}" "${opts[@]}" "$@" > "$logs/$name.log" 2>&1
}

# 1. The README's setup: SIMD kernels generated (a NOTE saying so) and run (the test checks).
build consumer -f "$here/consumer/pom.xml" clean verify || fail "consumer" "$logs/consumer.log"
grep -q "\[jconv.codegen-path\] StripesNet: generated SIMD" "$logs/consumer.log" \
  || fail "consumer: no SIMD codegen-path note" "$logs/consumer.log"
grep -q "StripesNet: SIMD kernels (jdk.incubator.vector" "$logs/consumer.log" \
  || fail "consumer: the model does not run SIMD kernels" "$logs/consumer.log"
grep -q "Tests run: 2, Failures: 0, Errors: 0" "$logs/consumer.log" \
  || fail "consumer: tests did not run" "$logs/consumer.log"
echo "it [$label]: consumer OK (SIMD kernels generated and running, trained, predicted)"

# 2. A shape error fails the build, reported on the marked line.
src="$here/consumer/src/shape-error/java/com/example/shapes/TooDeep.java"
line=$(grep -n "// expect: \[jconv.kernel-too-large\]" "$src" | cut -d: -f1)
if build shape-error -f "$here/consumer/pom.xml" -Dconsumer.sources=src/shape-error/java \
    clean compile; then
  fail "the shape error did not fail the build" "$logs/shape-error.log"
fi
grep -q "TooDeep.java:\[$line,[0-9]*\] \[jconv.kernel-too-large\]" "$logs/shape-error.log" \
  || fail "no [jconv.kernel-too-large] error on TooDeep.java line $line" "$logs/shape-error.log"
echo "it [$label]: shape error OK (build failed: TooDeep.java:$line [jconv.kernel-too-large])"

# 3. Strict: -Xlint:all -Werror, scalar kernels by choice; the test checks they run.
build strict -f "$here/consumer/pom.xml" -Pstrict clean verify || fail "strict" "$logs/strict.log"
grep -q "StripesNet: scalar kernels" "$logs/strict.log" || fail "strict: kernels" "$logs/strict.log"
echo "it [$label]: strict OK (-Xlint:all -Werror, scalar kernels)"
if [ "${IT_STRICT_SIMD:-0}" = 1 ]; then
  build strict-simd -f "$here/consumer/pom.xml" -Pstrict-simd clean verify \
    || fail "strict-simd" "$logs/strict-simd.log"
  grep -q "StripesNet: SIMD kernels" "$logs/strict-simd.log" \
    || fail "strict-simd: kernels" "$logs/strict-simd.log"
  echo "it [$label]: strict-simd OK (-Xlint:all -Xlint:-incubating -Werror, SIMD kernels)"
fi

# 4. A named module: compiles with module-info and runs on the module path with SIMD kernels.
build modular -f "$here/modular/pom.xml" clean verify || fail "modular" "$logs/modular.log"
grep -q "modular consumer: OK" "$logs/modular.log" || fail "modular: not run" "$logs/modular.log"
echo "it [$label]: modular OK ($(grep -o 'EdgeNet in module .*' "$logs/modular.log" | head -1))"
rm -rf "$logs"
