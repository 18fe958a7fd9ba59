"""Bigram language-model workloads in PyTorch, single-threaded, batch 256, plain SGD.

Data as in examples/bigram/bigram-synthetic.yaml, scaled to V tokens: uniform token frequencies; half the
tokens have one successor, the rest are uniform over 2, 4, 8 or 16 successors (an eighth of V each).
Tabular model: a V x V logit table as nn.Embedding(V, V, sparse=True) with SGD (PyTorch's fastest idiomatic
path: only the rows in the batch get a gradient). Factored: nn.Embedding(V, k) and nn.Linear(k, V), dense.
"""
import numpy as np
import torch
import torch.nn.functional as F

BATCH = 256
LR = 1.0


def synthetic(v, seed=1):
    """successors[v, 16] (padded) and counts[v]: token i's successors are successors[i, :counts[i]]."""
    rng = np.random.default_rng(seed)
    counts = np.ones(v, dtype=np.int64)
    half = v // 2
    eighth = (v - half) // 4
    for n, k in enumerate((2, 4, 8, 16)):
        start = half + n * eighth
        end = v if n == 3 else start + eighth
        counts[start:end] = k
    successors = np.zeros((v, 16), dtype=np.int64)
    for i in range(v):
        successors[i, :counts[i]] = rng.choice(v, size=counts[i], replace=False)
    return torch.from_numpy(successors), torch.from_numpy(counts)


class Sampler:
    def __init__(self, v, seed=1):
        self.v = v
        self.successors, self.counts = synthetic(v)
        self.gen = torch.Generator().manual_seed(seed)

    def batch(self):
        x = torch.randint(self.v, (BATCH,), generator=self.gen)
        pick = (torch.rand(BATCH, generator=self.gen) * self.counts[x]).long()
        return x, self.successors[x, pick]


def sgd_training(model, v, steps):
    """Pairs per iteration and one iteration: `steps` SGD steps on minibatches of BATCH pairs."""
    optimizer = torch.optim.SGD(model.parameters(), lr=LR)
    sampler = Sampler(v)

    def iteration():
        for _ in range(steps):
            x, y = sampler.batch()
            optimizer.zero_grad(set_to_none=True)
            loss = F.cross_entropy(model(x), y)
            loss.backward()
            optimizer.step()

    return steps * BATCH, iteration


def tabular(v, steps):
    torch.manual_seed(0)
    model = torch.nn.Embedding(v, v, sparse=True)
    torch.nn.init.zeros_(model.weight)
    return sgd_training(model, v, steps)


class Factored(torch.nn.Module):
    def __init__(self, v, k):
        super().__init__()
        self.embedding = torch.nn.Embedding(v, k)
        self.output = torch.nn.Linear(k, v)

    def forward(self, x):
        return self.output(self.embedding(x))


def factored(v, k, steps):
    torch.manual_seed(0)
    model = Factored(v, k)
    return sgd_training(model, v, steps)


def benchmarks(quick):
    tabular_steps = 10 if quick else 40
    factored_steps = 2 if quick else 8
    return [
        ("torch", "bigram-tabular-V1024", "pairs", lambda: tabular(1024, tabular_steps * 4)),
        ("torch", "bigram-tabular-V4096", "pairs", lambda: tabular(4096, tabular_steps)),
        ("torch", "bigram-factored-V4096", "pairs", lambda: factored(4096, 64, factored_steps)),
        ("torch", "bigram-factored-V8192", "pairs", lambda: factored(8192, 64, factored_steps // 2)),
    ]
