"""SASRec (Kang & McAuley 2018) in PyTorch, the authors' TensorFlow architecture, for timing epochs against
Recausal's implementation on the same data, batch and shapes. Usage: sasrec_torch.py Video.txt EPOCHS THREADS.
Prints JSON: torch version, threads, wall and CPU seconds per epoch (sampling included), last loss.
Like common PyTorch ports it computes left-padded [batch x maxlen] tensors, padding included."""
import json
import sys
import time
from collections import defaultdict

import numpy as np
import torch

MAXLEN, DIM, BLOCKS, HEADS, DROPOUT, LR, BATCH = 50, 50, 2, 1, 0.5, 0.001, 128


class Block(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.norm1 = torch.nn.LayerNorm(DIM, eps=1e-8)
        self.q = torch.nn.Linear(DIM, DIM)
        self.k = torch.nn.Linear(DIM, DIM)
        self.v = torch.nn.Linear(DIM, DIM)
        self.norm2 = torch.nn.LayerNorm(DIM, eps=1e-8)
        self.ffn1 = torch.nn.Linear(DIM, DIM)
        self.ffn2 = torch.nn.Linear(DIM, DIM)
        self.drop = torch.nn.Dropout(DROPOUT)

    def forward(self, x, causal, mask):
        q_in = self.norm1(x)
        b, n, _ = x.shape
        dh = DIM // HEADS
        q = self.q(q_in).view(b, n, HEADS, dh).transpose(1, 2)
        k = self.k(x).view(b, n, HEADS, dh).transpose(1, 2)
        v = self.v(x).view(b, n, HEADS, dh).transpose(1, 2)
        scores = q @ k.transpose(-1, -2) / dh ** 0.5
        scores = scores.masked_fill(causal | ~mask[:, None, None, :], -2 ** 32 + 1)
        weights = self.drop(torch.softmax(scores, dim=-1)) * mask[:, None, :, None]
        a = (weights @ v).transpose(1, 2).reshape(b, n, DIM) + q_in
        f = self.norm2(a)
        out = self.drop(self.ffn2(self.drop(torch.relu(self.ffn1(f))))) + f
        return out * mask[..., None]


class SasRec(torch.nn.Module):
    def __init__(self, items):
        super().__init__()
        self.items = torch.nn.Embedding(items + 1, DIM, padding_idx=0)
        self.positions = torch.nn.Embedding(MAXLEN, DIM)
        self.blocks = torch.nn.ModuleList([Block() for _ in range(BLOCKS)])
        self.norm = torch.nn.LayerNorm(DIM, eps=1e-8)
        self.drop = torch.nn.Dropout(DROPOUT)
        self.register_buffer("causal", torch.triu(torch.ones(MAXLEN, MAXLEN, dtype=torch.bool), 1))

    def forward(self, seq, pos, neg):
        mask = seq > 0
        x = self.items(seq) * DIM ** 0.5 + self.positions.weight[None]
        x = self.drop(x) * mask[..., None]
        for block in self.blocks:
            x = block(x, self.causal, mask)
        h = self.norm(x)
        return (h * self.items(pos)).sum(-1), (h * self.items(neg)).sum(-1)


def main():
    path, epochs, threads = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    rng = np.random.default_rng(1)
    sequences = defaultdict(list)
    items = 0
    with open(path) as f:
        for line in f:
            u, i = line.split()
            sequences[int(u)].append(int(i))
            items = max(items, int(i))
    train = {u: s[:-2] if len(s) >= 3 else s for u, s in sequences.items()}
    eligible = [u for u, s in train.items() if len(s) >= 2]
    consumed = {u: set(s) for u, s in train.items()}
    model = SasRec(items)
    for parameter in model.parameters():
        if parameter.dim() > 1:
            torch.nn.init.xavier_uniform_(parameter)  # as the authors' TensorFlow code
    optimiser = torch.optim.Adam(model.parameters(), lr=LR, betas=(0.9, 0.98))
    bce = torch.nn.BCEWithLogitsLoss(reduction="sum")
    steps = len(train) // BATCH
    times, cpu, loss_value = [], [], float("nan")
    model.train()
    for _ in range(epochs):
        started = time.perf_counter()
        cpu_started = time.process_time()
        for _ in range(steps):
            seq = np.zeros((BATCH, MAXLEN), dtype=np.int64)
            pos = np.zeros((BATCH, MAXLEN), dtype=np.int64)
            neg = np.zeros((BATCH, MAXLEN), dtype=np.int64)
            for b, u in enumerate(rng.choice(eligible, BATCH)):
                s = train[u][-(MAXLEN + 1):]
                n = len(s) - 1
                seq[b, MAXLEN - n:] = s[:-1]
                pos[b, MAXLEN - n:] = s[1:]
                for j in range(MAXLEN - n, MAXLEN):
                    t = int(rng.integers(1, items + 1))
                    while t in consumed[u]:
                        t = int(rng.integers(1, items + 1))
                    neg[b, j] = t
            seq, pos, neg = torch.from_numpy(seq), torch.from_numpy(pos), torch.from_numpy(neg)
            pos_logits, neg_logits = model(seq, pos, neg)
            target = pos > 0
            loss = (bce(pos_logits[target], torch.ones_like(pos_logits[target]))
                    + bce(neg_logits[target], torch.zeros_like(neg_logits[target]))) / target.sum()
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            loss_value = loss.item()
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - cpu_started)
    print(json.dumps({"torch": torch.__version__, "threads": threads, "epochSeconds": times,
                      "medianEpochSeconds": sorted(times)[len(times) // 2], "epochCpuSeconds": cpu,
                      "medianEpochCpuSeconds": sorted(cpu)[len(cpu) // 2], "lastLoss": loss_value}))


if __name__ == "__main__":
    main()
