#!/usr/bin/env bash
# Reads the installed jconv artifacts as build tools do: module names, the processor's service and
# Gradle incremental declarations, sources and javadoc jars, the BOM; examples and benchmarks are
# not installed. Usage: it/check-artifacts.sh [LOCAL_REPO] (default ~/.m2/repository).
set -euo pipefail
repo=${1:-${IT_REPO:-$HOME/.m2/repository}}
version=0.1.0-SNAPSHOT
dir="$repo/dev/jconv"
fail() { echo "artifacts: FAILED: $1" >&2; exit 1; }
manifest() { unzip -p "$1" META-INF/MANIFEST.MF | tr -d '\r'; }

for a in runtime processor; do
  for kind in "" -sources -javadoc; do
    f="$dir/jconv-$a/$version/jconv-$a-$version$kind.jar"
    [ -s "$f" ] || fail "missing $f"
  done
done
rt="$dir/jconv-runtime/$version/jconv-runtime-$version.jar"
pr="$dir/jconv-processor/$version/jconv-processor-$version.jar"
manifest "$rt" | grep -qx "Automatic-Module-Name: dev.jconv" || fail "runtime module name"
manifest "$pr" | grep -qx "Automatic-Module-Name: dev.jconv.processor" || fail "processor module name"
[ "$(unzip -p "$pr" META-INF/services/javax.annotation.processing.Processor | tr -d '\r')" \
  = "dev.jconv.processor.JconvProcessor" ] || fail "processor service file"
[ "$(unzip -p "$pr" META-INF/gradle/incremental.annotation.processors | tr -d '\r')" \
  = "dev.jconv.processor.JconvProcessor,isolating" ] || fail "Gradle incremental declaration"
grep -q "<artifactId>jconv-processor</artifactId>" "$dir/jconv-bom/$version/jconv-bom-$version.pom" \
  || fail "BOM"
for a in examples benchmarks; do
  [ ! -e "$dir/jconv-$a" ] || fail "jconv-$a is installed; it must not be"
done
echo "artifacts OK: module names dev.jconv and dev.jconv.processor, sources and javadoc jars," \
  "Gradle 'isolating' declaration, BOM; examples and benchmarks not installed"
