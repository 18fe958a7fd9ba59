"""River-valley workloads in numpy (and the straight valley in PyTorch): SGD vectorised over replicas."""
import numpy as np

try:
    import torch
except ImportError:
    torch = None

SLOPE = 1.0      # linear river: loss -SLOPE * x0
LAMBDA = 10.0    # hill curvature
SIGMA = 1.0      # isotropic gradient noise
PEAK = 0.05


def wsd(steps, peak=PEAK, warmup_fraction=0.1, decay_fraction=0.1, floor=0.1):
    """Linear warmup, constant, linear decay to floor * peak over the last decay_fraction of the steps."""
    t = np.arange(steps, dtype=np.float64)
    warmup = max(1, int(steps * warmup_fraction))
    decay = max(1, int(round(steps * decay_fraction)))
    lr = np.full(steps, peak)
    lr[:warmup] = peak * (t[:warmup] + 1) / warmup
    u = np.arange(decay) / max(1, decay - 1)
    lr[steps - decay:] = peak * (1.0 - (1.0 - floor) * u)
    return lr


def straight_numpy(replicas, steps, every=100):
    """SGD on L = -SLOPE x0 + LAMBDA/2 x1^2 with noise SIGMA z, all replicas as one vector; a row (mean loss) every `every` steps."""
    lr = wsd(steps)

    def iteration():
        rng = np.random.default_rng(1)
        x0 = np.zeros(replicas)
        x1 = np.zeros(replicas)
        z = np.empty((2, replicas))
        g = np.empty(replicas)
        rows = []
        for t in range(steps):
            rng.standard_normal(out=z)
            eta = lr[t]
            # x0 -= eta * (-SLOPE + SIGMA z0); x1 -= eta * (LAMBDA x1 + SIGMA z1)
            np.multiply(z[0], SIGMA, out=g)
            g -= SLOPE
            g *= eta
            x0 -= g
            np.multiply(x1, LAMBDA, out=g)
            g += SIGMA * z[1]
            g *= eta
            x1 -= g
            if (t + 1) % every == 0:
                rows.append(float(np.mean(-SLOPE * x0 + 0.5 * LAMBDA * x1 * x1)))
        return rows

    return replicas * steps, iteration


def straight_hill_numpy(replicas, steps, every=100):
    """Noise on the hill only: the river coordinate is the same for every replica (a scalar), one Gaussian per replica-step."""
    lr = wsd(steps)

    def iteration():
        rng = np.random.default_rng(1)
        x0 = 0.0
        h = np.zeros((replicas, 1))
        rows = []
        for t in range(steps):
            eta = lr[t]
            x0 += eta * SLOPE
            h -= eta * (LAMBDA * h + SIGMA * rng.standard_normal((replicas, 1)))
            if (t + 1) % every == 0:
                rows.append(-SLOPE * x0 + 0.5 * LAMBDA * float(np.mean(h * h)))
        return rows

    return replicas * steps, iteration


def straight_torch(replicas, steps, every=100):
    lr = wsd(steps).tolist()

    def iteration():
        gen = torch.Generator().manual_seed(1)
        x0 = torch.zeros(replicas, dtype=torch.float64)
        x1 = torch.zeros(replicas, dtype=torch.float64)
        z = torch.empty((2, replicas), dtype=torch.float64)
        rows = []
        with torch.no_grad():
            for t in range(steps):
                torch.randn((2, replicas), generator=gen, out=z, dtype=torch.float64)
                eta = lr[t]
                x0.add_(z[0] * SIGMA - SLOPE, alpha=-eta)
                x1.add_(x1 * LAMBDA + z[1] * SIGMA, alpha=-eta)
                if (t + 1) % every == 0:
                    rows.append(float((-SLOPE * x0 + 0.5 * LAMBDA * x1 * x1).mean()))
        return rows

    return replicas * steps, iteration


def long_numpy(steps, every=1000, chunk=100_000):
    """One replica: the recursion is sequential, so a Python loop over scalars, noise drawn in chunks."""
    lr = wsd(steps)

    def iteration():
        rng = np.random.default_rng(1)
        x0 = 0.0
        x1 = 0.0
        rows = []
        for start in range(0, steps, chunk):
            z = rng.standard_normal((min(chunk, steps - start), 2)).tolist()
            etas = lr[start:start + len(z)].tolist()
            for i, (z0, z1) in enumerate(z):
                eta = etas[i]
                x0 -= eta * (-SLOPE + SIGMA * z0)
                x1 -= eta * (LAMBDA * x1 + SIGMA * z1)
                if (start + i + 1) % every == 0:
                    rows.append(-SLOPE * x0 + 0.5 * LAMBDA * x1 * x1)
        return rows

    return steps, iteration


def rotation(d, seed=7):
    rng = np.random.default_rng(seed)
    q, r = np.linalg.qr(rng.standard_normal((d, d)))
    return q * np.sign(np.diag(r))


def power_law_curvatures(d, top=LAMBDA, exponent=1.0):
    return top / np.arange(1, d, dtype=np.float64) ** exponent


def rotated_numpy(d, steps):
    """SGD on the rotated valley L(z) = S(Q^T z): two dense matrix-vector products per step (BLAS dgemv)."""
    q = rotation(d)
    lam = power_law_curvatures(d)

    def iteration():
        rng = np.random.default_rng(1)
        z = np.zeros(d)
        gy = np.empty(d)
        for _ in range(steps):
            y = q.T @ z
            gy[0] = -SLOPE
            np.multiply(lam, y[1:], out=gy[1:])
            g = q @ gy
            g += SIGMA * rng.standard_normal(d)
            z -= PEAK * g
        return z

    return steps, iteration


def rotated_sharpness_numpy(d):
    """Top Hessian eigenvalue the dense way: H = Q diag(0, lambda) Q^T, then eigvalsh."""
    q = rotation(d)
    diag = np.concatenate(([0.0], power_law_curvatures(d)))

    def iteration():
        h = (q * diag) @ q.T
        return np.linalg.eigvalsh(h)[-1]

    return 1, iteration


def benchmarks(quick):
    replicas, steps = (2_000, 1_000) if quick else (10_000, 3_000)
    long_steps = 300_000 if quick else 2_000_000
    rotated_steps = 100 if quick else 1_000
    out = [
        ("numpy", "straight-sgd-10k", "replica-steps", lambda: straight_numpy(replicas, steps)),
        ("numpy", "straight-sgd-hill-10k", "replica-steps", lambda: straight_hill_numpy(replicas, steps)),
        ("numpy", "long-trajectory", "replica-steps", lambda: long_numpy(long_steps)),
        ("numpy", "rotated-d1000", "replica-steps", lambda: rotated_numpy(1000, rotated_steps)),
        ("numpy", "rotated-d1000-sharpness", "sharpness", lambda: rotated_sharpness_numpy(1000)),
    ]
    if torch is not None:
        out.insert(1, ("torch", "straight-sgd-10k", "replica-steps", lambda: straight_torch(replicas, steps)))
    return out
