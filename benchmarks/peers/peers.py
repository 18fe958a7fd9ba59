#!/usr/bin/python3
"""Peer implementations of the rivervalley benchmark workloads, in numpy and PyTorch, single-threaded.

Run with Debian's interpreter (apt-get install python3-numpy python3-torch):

    /usr/bin/python3 benchmarks/peers/peers.py [--quick] [--only NAME,...]

Each result is printed as one line: RESULT <library> <benchmark> <rate> <unit>, the rate being the median over
the timed repeats (after a warmup). `rivervalley bench --compare` runs this script and prints ours/theirs.
The workloads mirror benchmarks in io.github.rivervalley.reports.bench.Workloads (same sizes, same maths).
"""
import os

# One thread everywhere, before numpy/torch load their BLAS/OpenMP runtimes.
for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS", "BLIS_NUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ[var] = "1"

import argparse
import statistics
import sys
import time

import numpy as np

import blas
import valleys

try:
    import torch
    torch.set_num_threads(1)
    import bigram
except ImportError:  # numpy results are still useful without torch
    torch = None
    bigram = None


def measure(library, name, unit, work, iteration, warmups, repeats, clock=time.perf_counter):
    for _ in range(warmups):
        iteration()
    times = []
    for _ in range(repeats):
        start = clock()
        iteration()
        times.append(clock() - start)
    median = statistics.median(times)
    print(f"RESULT {library} {name} {work / median:.6e} {unit} (min {work / max(times):.3e}, max {work / min(times):.3e}, "
          f"{repeats} runs)", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, few repeats")
    parser.add_argument("--cpu-time", action="store_true", help="time by the process's CPU time (for a loaded machine)")
    parser.add_argument("--only", default="", help="comma-separated benchmark name prefixes")
    args = parser.parse_args()
    only = [p for p in args.only.split(",") if p]

    def selected(name):
        return not only or any(name.startswith(p) or p.startswith(name) for p in only)

    quick = args.quick
    warmups, repeats = (1, 3) if quick else (2, 5)
    print(f"peers: python {sys.version.split()[0]}; " + "; ".join(blas.describe()), flush=True)
    for bench in valleys.benchmarks(quick) + (bigram.benchmarks(quick) if bigram else []):
        library, name, unit, make = bench
        if selected(name):
            work, iteration = make()
            reps = max(1, repeats if work > 0 else 1)
            measure(library, name, unit, work, iteration, warmups, reps, time.process_time if args.cpu_time else time.perf_counter)


if __name__ == "__main__":
    main()
