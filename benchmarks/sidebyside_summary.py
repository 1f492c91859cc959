#!/usr/bin/env python3
"""The side-by-side table of issue 12 from <folder>/sidebyside-jdk{17,25}.tsv and fma-jdk*.tsv
(default results/): network x measurement x PyTorch / jconv JDK 17 / jconv JDK 25, with the ratio
of jconv's speed to PyTorch's in the same run (> 1: jconv is faster); then the FMA ceilings, the
whole-network GFLOP/s and each large convolution's share of the ceiling."""
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
folder = os.path.join(here, sys.argv[1] if len(sys.argv) > 1 else "results")
JDKS = ["jdk17", "jdk25"]
NETS = ["SeedNet", "FashionTutorialNet", "FashionNet", "ResNet20"]
MEASUREMENTS = [("latency", 1), ("inference", 1), ("inference", 2), ("training", 1), ("training", 2)]
NAMES = {"latency": "batch-1 latency", "inference": "inference batch 64", "training": "training step batch 64"}


def read(path):
    facts, rows = {}, []
    if not os.path.exists(path):
        return facts, rows
    for line in open(path):
        line = line.rstrip("\n")
        if line.startswith("# "):
            key, _, value = line[2:].partition("\t")
            if key == "engine":
                facts.setdefault("engines", []).append(value)
            facts.setdefault(key, value)
        elif line:
            f = line.split("\t")
            f += [""] * (11 - len(f))
            rows.append(dict(kind=f[0], net=f[1], what=f[2], threads=int(f[3]), engine=f[4],
                             median=num(f[5]), min=num(f[6]), max=num(f[7]), unit=f[8], gflops=num(f[9]), share=num(f[10])))
    return facts, rows


def num(s):
    return float(s) if s else None


def fmt(row):
    if row is None or row["median"] is None:
        return "-"
    if row["unit"] == "ms":
        return f"{row['median']:.2f} ms"
    return f"{row['median']:,.0f} img/s"


def ratio(j, p):
    if not j or not p or j["median"] is None or p["median"] is None:
        return "-"
    r = p["median"] / j["median"] if j["unit"] == "ms" else j["median"] / p["median"]
    return f"{r:.2f}x"


def slower_on_two(rows, net, what, threads):
    """PyTorch slower on 2 threads than on 1: its OpenMP barriers stalled on a busy machine."""
    if threads != 2:
        return False
    two = find(rows, "cell", net, what, 2, "pytorch")
    one = find(rows, "cell", net, what, 1, "pytorch")
    return bool(two and one and two["median"] < one["median"])


def find(rows, kind, net, what, threads, engine):
    for r in rows:
        if (r["kind"], r["net"], r["what"], r["threads"], r["engine"]) == (kind, net, what, threads, engine):
            return r
    return None


runs = {jdk: read(os.path.join(folder, f"sidebyside-{jdk}.tsv")) for jdk in JDKS}
fma = {jdk: read(os.path.join(folder, f"fma-{jdk}.tsv"))[1] for jdk in JDKS}
for jdk in JDKS:
    facts = runs[jdk][0]
    if facts:
        print(f"- {jdk}: {facts.get('java')}; {facts.get('cpu')}; load {facts.get('load at start')} -> "
              f"{facts.get('load at end')}; jconv SIMD {facts.get('jconv simd')}; {facts.get('timing')}")
engines = [e for j in JDKS for e in runs[j][0].get("engines", [])]
for e in sorted(set(engines)):
    print(f"- engine: {e}")
print()
print("| network | measurement | threads | PyTorch (JDK 17 run / JDK 25 run) | jconv JDK 17 | vs PyTorch | jconv JDK 25 | vs PyTorch |")
print("|---|---|---:|---:|---:|---:|---:|---:|")
for net in NETS:
    for what, t in MEASUREMENTS:
        cells = {j: (find(runs[j][1], "cell", net, what, t, "jconv"), find(runs[j][1], "cell", net, what, t, "pytorch")) for j in JDKS}
        if not any(c[0] for c in cells.values()):
            continue
        pt = " / ".join(fmt(cells[j][1]) + ("*" if slower_on_two(runs[j][1], net, what, t) else "") for j in JDKS)
        print(f"| {net} | {NAMES[what]} | {t} | {pt} | {fmt(cells['jdk17'][0])} | {ratio(*cells['jdk17'])} "
              f"| {fmt(cells['jdk25'][0])} | {ratio(*cells['jdk25'])} |")
print()
print("\\* PyTorch ran slower on 2 threads than on 1 in that run: another process held a core (see the load")
print("above) and PyTorch's threads meet at a barrier after every operator; that ratio flatters jconv.")
print()
print("FMA ceiling from Java (preferred species, 12 accumulators, `acc = a.fma(b, acc)`), GFLOP/s, median (best):")
print()
print("| JDK | species | 1 thread | 2 threads |")
print("|---|---|---:|---:|")
for jdk in JDKS:
    rows = {r["threads"]: r for r in fma[jdk]}
    if rows:
        spec = next(iter(rows.values()))["what"]

        def cell(t):
            return f"{rows[t]['median']:.0f} ({rows[t]['max']:.0f})" if t in rows else "-"

        print(f"| {jdk[3:]} | {spec} | {cell(1)} | {cell(2)} |")
print()
print("Whole network, training step on 2 threads: GFLOP/s achieved (share of the best 2-thread FMA ceiling):")
print()
print("| network | PyTorch (JDK 17 run) | jconv JDK 17 | jconv JDK 25 |")
print("|---|---:|---:|---:|")


def gf(r):
    if not r or r["gflops"] is None:
        return "-"
    share = f" ({100 * r['share']:.0f}%)" if r["share"] is not None else ""
    return f"{r['gflops']:.1f}{share}"


for net in NETS:
    p = find(runs["jdk17"][1], "cell", net, "training", 2, "pytorch")
    j17 = find(runs["jdk17"][1], "cell", net, "training", 2, "jconv")
    j25 = find(runs["jdk25"][1], "cell", net, "training", 2, "jconv")
    if j17 or j25:
        print(f"| {net} | {gf(p)} | {gf(j17)} | {gf(j25)} |")
print()
print("Large convolutions alone (jconv, 1 thread), GFLOP/s (share of the 1-thread FMA ceiling):")
print()
print("| network | layer | JDK 17 forward | JDK 17 backward | JDK 25 forward | JDK 25 backward |")
print("|---|---|---:|---:|---:|---:|")
layers = []
for jdk in JDKS:
    for r in runs[jdk][1]:
        if r["kind"] == "layer" and (r["net"], r["what"]) not in layers:
            layers.append((r["net"], r["what"]))
for net, what in layers:
    vals = [gf(find(runs[j][1], "layer", net, what, 1, f"jconv {d}")) for j in JDKS for d in ("forward", "backward")]
    print(f"| {net} | {what} | " + " | ".join(vals) + " |")
