#!/usr/bin/env bash
# Side by side with PyTorch (issue 12): builds the harness with -Ppytorch (DJL's PyTorch 2.7.1 CPU
# engine from Maven Central jars; nothing is downloaded at run time), then on JDK 17 (the default
# java) and JDK 25 measures the FMA ceiling (its own JVM) and runs the harness, which interleaves
# jconv and PyTorch rounds. Writes $RESULTS (default results)/fma-jdk<N>.tsv, sidebyside-jdk<N>.{tsv,txt,err}
# and prints the summary table (sidebyside_summary.py). About 7 minutes on an idle 2-core machine.
#
#   benchmarks/compare.sh                       # everything
#   SKIP_BUILD=1 benchmarks/compare.sh --nets SeedNet --rounds 5   # extra arguments go to the harness
#   OMP_WAIT_POLICY=ACTIVE RESULTS=results/omp-spin benchmarks/compare.sh   # PyTorch's threads spin
set -euo pipefail
cd "$(dirname "$0")"
JDK17=${JDK17:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
JDK25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}
if [ -z "${SKIP_BUILD:-}" ]; then
  (cd .. && ./mvnw -B -q -Ppytorch -pl processor,benchmarks -am -DskipTests package)
fi
CP="target/classes:$(cat target/sidebyside.classpath)"
# DJL: stay offline, never call home, unpack the native library under target/.
export OPT_OUT_TRACKING=true
# PyTorch's OpenMP threads sleep at barriers instead of spinning: on a shared machine, a spinning
# thread holds the core its partner needs and 2-thread runs fall to a tenth of 1-thread speed
# (benchmarks/RESULTS.md); on an idle one the two policies measure the same.
export OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-PASSIVE}
DJL="-DDJL_CACHE_DIR=target/djl-cache -Doffline=true -Dai.djl.offline=true -DOPT_OUT_TRACKING=true"
OUT=${RESULTS:-results}
mkdir -p "$OUT"
echo "load before: $(uptime)"
for jdk in "17:$JDK17" "25:$JDK25"; do
  name=${jdk%%:*}
  java="${jdk#*:}/bin/java"
  echo "== JDK $name: $("$java" -version 2>&1 | head -1)"
  "$java" --add-modules jdk.incubator.vector -cp target/classes dev.jconv.bench.FmaCeiling \
    "$OUT/fma-jdk$name.tsv" 1 2 2>/dev/null
  # PyTorch's native warnings (NNPACK on this CPU) and the JVM's go to the .err file.
  # shellcheck disable=SC2086
  "$java" --add-modules jdk.incubator.vector $DJL -cp "$CP" dev.jconv.bench.SideBySide \
    --label "jdk$name" --ceiling "$OUT/fma-jdk$name.tsv" --out "$OUT/sidebyside-jdk$name.tsv" \
    "$@" 2>"$OUT/sidebyside-jdk$name.err" | tee "$OUT/sidebyside-jdk$name.txt"
  # PyTorch warns once per convolution that NNPACK does not support this CPU: keep a count only.
  err="$OUT/sidebyside-jdk$name.err"
  nnpack=$(grep -c NNPACK "$err" || true)
  { grep -v NNPACK "$err" || true; echo "($nnpack NNPACK warnings from PyTorch left out)"; } >"$err.tmp"
  mv "$err.tmp" "$err"
done
echo "load after: $(uptime)"
python3 sidebyside_summary.py "$OUT"
