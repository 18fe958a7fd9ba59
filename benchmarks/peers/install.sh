#!/bin/sh
# Installs the peers' interpreter and libraries from Debian's packages, with an optimized BLAS:
# OpenBLAS (pthreads build) takes over the libblas.so.3 / liblapack.so.3 alternatives that numpy and
# PyTorch link, as the pip wheels of both bundle an optimized BLAS (what a user would run).
# Run as root (or through sudo). peers.py prints which BLAS each library has loaded.
set -eu
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq python3-numpy python3-torch libopenblas0-pthread
for lib in libblas.so.3 liblapack.so.3; do
    update-alternatives --set "$lib-x86_64-linux-gnu" "/usr/lib/x86_64-linux-gnu/openblas-pthread/$lib" || true
done
/usr/bin/python3 "$(dirname "$0")/blas.py"
