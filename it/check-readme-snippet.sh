#!/usr/bin/env bash
# Checks that the README's Maven snippet is, chunk for chunk, in it/consumer/pom.xml, so the
# project CI builds is the one the README tells users to write. The snippet is the ```xml block
# right after the line '<!-- snippet: it/consumer/pom.xml -->' in README.md; each of its chunks
# (split at blank lines) must appear as consecutive lines of the pom, indentation ignored.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

awk -v dir="$tmp" '
  /^<!-- snippet: it\/consumer\/pom.xml -->$/ { marked = 1; next }
  marked == 1 && /^```xml$/ { marked = 2; n = 1; next }
  marked == 1 { exit 2 }
  marked == 2 && /^```$/ { exit 0 }
  marked == 2 {
    sub(/^[ \t]+/, ""); sub(/[ \t]+$/, "")
    if ($0 == "") { if (size[n] > 0) n++; next }
    print > (dir "/chunk" n); size[n]++
  }
' "$root/README.md" || { echo "README.md: no \`\`\`xml block after the snippet marker" >&2; exit 1; }
sed -e 's/^[ \t]*//' -e 's/[ \t]*$//' "$root/it/consumer/pom.xml" > "$tmp/pom"

chunks=0
for chunk in "$tmp"/chunk*; do
  [ -e "$chunk" ] || break
  chunks=$((chunks + 1))
  # A chunk is found when its lines are consecutive lines of the pom.
  if ! awk -v chunkfile="$chunk" '
      BEGIN { while ((getline l < chunkfile) > 0) c[++m] = l }
      { p[++n] = $0 }
      END {
        for (s = 1; s + m - 1 <= n; s++) {
          for (k = 1; k <= m && p[s + k - 1] == c[k]; k++) {}
          if (k > m) exit 0
        }
        exit 1
      }' "$tmp/pom"; then
    echo "README.md's Maven snippet has a chunk that it/consumer/pom.xml does not:" >&2
    sed 's/^/  /' "$chunk" >&2
    exit 1
  fi
done
[ "$chunks" -gt 0 ] || { echo "README.md: the Maven snippet after the marker is empty" >&2; exit 1; }
echo "README snippet: $chunks chunks, all in it/consumer/pom.xml"
