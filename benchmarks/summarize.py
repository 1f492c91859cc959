#!/usr/bin/env python3
"""Median of the measurement iterations of every result in <folder>/*.json (default results/), as a Markdown table."""
import glob, json, os, statistics, sys

FLOPS = {"fashionConv2": 2 * 14 * 14 * 5 * 5 * 32 * 64, "patchConv2": 2 * 32 * 32 * 3 * 3 * 8 * 16,
         "seedConv5": 2 * 16 * 16 * 5 * 5 * 24 * 24}
here = os.path.dirname(os.path.abspath(__file__))
folder = sys.argv[1] if len(sys.argv) > 1 else "results"
print("| config | benchmark | params | median | unit | min..max | GFLOP/s |")
print("| --- | --- | --- | ---: | --- | --- | ---: |")
for path in sorted(glob.glob(os.path.join(here, folder, "*.json"))):
    config = os.path.basename(path)[:-5]
    for r in json.load(open(path)):
        raw = [v for fork in r["primaryMetric"]["rawData"] for v in fork]
        med = statistics.median(raw)
        name = r["benchmark"].rsplit(".", 2)
        bench = name[-2] + "." + name[-1]
        params = ", ".join(f"{k}={v}" for k, v in (r.get("params") or {}).items())
        unit = r["primaryMetric"]["scoreUnit"]
        gflops = ""
        if name[-1] in FLOPS and unit == "us/op":
            gflops = f"{FLOPS[name[-1]] / med / 1e3:.1f}"
        print(f"| {config} | {bench} | {params} | {med:.1f} | {unit} | {min(raw):.1f}..{max(raw):.1f} | {gflops} |")
