"""Which BLAS numpy and PyTorch have loaded: the shared libraries mapped into this process."""
import re


def loaded_blas():
    """Paths of the BLAS/LAPACK-like libraries in /proc/self/maps (Linux), resolved symlinks included."""
    import os
    paths = set()
    with open("/proc/self/maps") as maps:
        for line in maps:
            path = line.split()[-1]
            if re.search(r"(blas|lapack|mkl|blis|atlas)", os.path.basename(path), re.I):
                paths.add(os.path.realpath(path))
    return sorted(paths)


def describe():
    import numpy as np
    lines = [f"numpy {np.__version__}"]
    try:
        import torch
        # the build's own words; Debian's says "generic" (libblas.so.3, whichever library the alternative names)
        built = re.findall(r"(?:BLAS|LAPACK)_INFO=\w+", torch.__config__.show())
        lines.append(f"torch {torch.__version__} (built with {', '.join(built) or 'BLAS not stated'})")
        # a product large enough that torch calls into its BLAS, so the library is mapped
        torch.ones(64, 64) @ torch.ones(64, 64)
    except ImportError:
        lines.append("torch not installed")
    np.ones((64, 64)) @ np.ones((64, 64))
    lines.append("loaded BLAS: " + (", ".join(loaded_blas()) or "none found"))
    return lines


if __name__ == "__main__":
    print("\n".join(describe()))
