#!/usr/bin/env bash
# Runs every benchmark on JDK 17 (the default java) and JDK 25, SIMD and scalar, and writes
# results/<jdk>-<path>.{txt,json}; extra arguments go to JMH. Build first: ./mvnw -q -B -DskipTests package
set -euo pipefail
cd "$(dirname "$0")"
JAR=target/benchmarks.jar
JDK17=${JDK17:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
JDK25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}
mkdir -p results
for jdk in "17:$JDK17" "25:$JDK25"; do
  name=${jdk%%:*}
  home=${jdk#*:}
  for simd in true false; do
    path=$([ "$simd" = true ] && echo simd || echo scalar)
    "$home/bin/java" -jar "$JAR" -jvm "$home/bin/java" -jvmArgsAppend "--add-modules jdk.incubator.vector -Djconv.simd=$simd" \
      -wi 3 -w 1 -i 5 -r 1 -rf json -rff "results/jdk$name-$path.json" "${@:-TrainingBenchmark|InferenceBenchmark|LatencyBenchmark|ConvLayerBenchmark}" | tee "results/jdk$name-$path.txt"
  done
done
