#!/usr/bin/python3
"""Prints the README's ratio tables (markdown) from a bench output directory: table.py bench-out"""
import csv
import os
import sys

out = sys.argv[1] if len(sys.argv) > 1 else "bench-out"
ours = {r["name"]: r for r in csv.DictReader(open(f"{out}/bench.csv"))}
print("| benchmark | ours | peer | peer's rate | ratio |")
print("| --- | ---: | --- | ---: | ---: |")
for r in csv.DictReader(open(f"{out}/compare.csv")):
    print(f"| `{r['benchmark']}` | {float(r['ours']):.3g} {r['unit']}/s | {r['peer']} | {float(r['peer_rate']):.3g} | {float(r['ratio']):.2f}x |")
print()
print("| benchmark | ours (median) | min .. max |")
print("| --- | ---: | ---: |")
for name, r in ours.items():
    print(f"| `{name}` | {float(r['median_rate']):.3g} {r['unit']}/s | {float(r['min_rate']):.3g} .. {float(r['max_rate']):.3g} |")
if os.path.exists(f"{out}/limits.txt"):
    print()
    print("Against the limits (one core, measured in the same command):")
    print()
    print("```")
    print(open(f"{out}/limits.txt").read().rstrip())
    print("```")
