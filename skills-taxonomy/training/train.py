"""Contrastive fine-tuning of MiniLM on the generated pairs, on the CPU, resumable.

Loss: in-batch negatives (every other positive and every hard negative in the batch) plus each example's own hard
negative, cross-entropy over scaled cosine similarities (the MultipleNegativesRanking formulation). Candidates that
belong to one of the anchor's own concepts are masked out, so a concatenated sentence holding three skills is never
pushed away from two of them. Checkpoints (model, optimiser, schedule, step) are written every few minutes and at
the end; running the same command again continues from the last one.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import time
from pathlib import Path

import numpy as np
import torch
from tokenizers import Tokenizer
from transformers import AutoModel


def load_tokenizer(base: Path, max_len: int) -> Tokenizer:
    tok = Tokenizer.from_file(str(base / "tokenizer.json"))
    # The shipped tokenizer.json pads every input to 128 tokens: off, or each step costs ~20x more.
    tok.no_padding()
    tok.enable_truncation(max_length=max_len)
    return tok


def encode(tok: Tokenizer, texts: list[str], max_len: int) -> dict[str, torch.Tensor]:
    tok.enable_truncation(max_length=max_len)
    enc = tok.encode_batch(texts)
    width = max(len(e.ids) for e in enc)
    ids = torch.zeros((len(enc), width), dtype=torch.long)
    mask = torch.zeros((len(enc), width), dtype=torch.long)
    for i, e in enumerate(enc):
        ids[i, : len(e.ids)] = torch.tensor(e.ids)
        mask[i, : len(e.ids)] = 1
    return {"input_ids": ids, "attention_mask": mask, "token_type_ids": torch.zeros_like(ids)}


def mean_pool(model: torch.nn.Module, batch: dict[str, torch.Tensor]) -> torch.Tensor:
    hidden = model(**batch).last_hidden_state
    m = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
    return (hidden * m).sum(1) / m.sum(1).clamp(min=1e-9)


def make_batches(rows: list[dict], size: int, seed: int, epoch: int) -> list[list[int]]:
    """Shuffled batches in which no concept is the positive twice (a duplicate would be a false negative)."""
    rng = random.Random(seed * 1000 + epoch)
    order = list(range(len(rows)))
    rng.shuffle(order)
    batches: list[list[int]] = []
    current: list[int] = []
    seen: set[str] = set()
    waiting: list[int] = []
    for i in order:
        uri = rows[i]["pos_uri"]
        if uri in seen:
            waiting.append(i)
            continue
        current.append(i)
        seen.add(uri)
        if len(current) == size:
            batches.append(current)
            current, seen = [], set()
    if len(current) == size:
        batches.append(current)
    return batches


def embed_bucketed(model, tok, texts: list[str], max_len: int, buckets: int = 4) -> torch.Tensor:
    """Embed in length-sorted chunks: one long concatenated anchor no longer pads the whole batch to its length."""
    lengths = [len(e.ids) for e in tok.encode_batch(texts)]
    order = sorted(range(len(texts)), key=lambda i: lengths[i])
    size = math.ceil(len(texts) / buckets)
    parts = [mean_pool(model, encode(tok, [texts[i] for i in order[s : s + size]], max_len)) for s in range(0, len(order), size)]
    out = torch.empty((len(texts), parts[0].shape[1]), dtype=parts[0].dtype)
    out = out.index_copy(0, torch.tensor(order), torch.cat(parts))
    return out


def step_loss(model, tok, rows: list[dict], idx: list[int], scale: float, max_anchor: int, max_label: int) -> torch.Tensor:
    ex = [rows[i] for i in idx]
    anchors = embed_bucketed(model, tok, [r["anchor"] for r in ex], max_anchor)
    cands = embed_bucketed(model, tok, [r["positive"] for r in ex] + [r["negative"] for r in ex], max_label)
    a = torch.nn.functional.normalize(anchors, dim=-1)
    c = torch.nn.functional.normalize(cands, dim=-1)
    sim = a @ c.T * scale
    cand_uris = [r["pos_uri"] for r in ex] + [r["neg_uri"] for r in ex]
    mask = torch.zeros_like(sim, dtype=torch.bool)
    for i, r in enumerate(ex):
        own = set(r["uris"])
        for j, u in enumerate(cand_uris):
            if j != i and u in own:
                mask[i, j] = True
    sim = sim.masked_fill(mask, float("-inf"))
    return torch.nn.functional.cross_entropy(sim, torch.arange(len(ex)))


def save_checkpoint(path: Path, model, optimiser, scheduler, step: int) -> None:
    tmp = path.with_suffix(".tmp")
    torch.save({"model": model.state_dict(), "optimiser": optimiser.state_dict(), "scheduler": scheduler.state_dict(),
                "step": step, "torch_rng": torch.get_rng_state()}, tmp)
    os.replace(tmp, path)


def fmt(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


def train(args: argparse.Namespace) -> dict:
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    tok = load_tokenizer(args.base, args.max_anchor)
    model = AutoModel.from_pretrained(str(args.base))
    model.train()
    # The 30k x 384 word-embedding table is half the weights: frozen, each step skips its dense gradient and update,
    # and words the generated data never shows keep their pre-trained vectors.
    model.embeddings.word_embeddings.weight.requires_grad_(False)
    rows = [json.loads(line) for line in args.data.open(encoding="utf-8")]
    schedule: list[list[int]] = []
    epoch = 0
    while len(schedule) < args.steps:
        schedule += make_batches(rows, args.batch, args.seed, epoch)
        epoch += 1
    schedule = schedule[: args.steps]

    optimiser = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=args.lr, weight_decay=0.01)
    warmup = max(1, int(args.steps * 0.1))
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min((s + 1) / warmup, max(0.0, (args.steps - s) / max(1, args.steps - warmup))))
    args.workdir.mkdir(parents=True, exist_ok=True)
    ckpt = args.workdir / "checkpoint.pt"
    start = 0
    if ckpt.exists():
        state = torch.load(ckpt, weights_only=False)
        model.load_state_dict(state["model"])
        optimiser.load_state_dict(state["optimiser"])
        scheduler.load_state_dict(state["scheduler"])
        torch.set_rng_state(state["torch_rng"])
        start = state["step"]
        print(f"resuming from step {start}/{args.steps}", flush=True)

    t0 = time.time()
    last_save = t0
    running = None
    for step in range(start, args.steps):
        loss = step_loss(model, tok, rows, schedule[step], args.scale, args.max_anchor, args.max_label)
        loss.backward()
        torch.nn.utils.clip_grad_norm_([p for p in model.parameters() if p.requires_grad], 1.0)
        optimiser.step()
        scheduler.step()
        optimiser.zero_grad(set_to_none=True)
        running = loss.item() if running is None else 0.95 * running + 0.05 * loss.item()
        done = step + 1
        if done % args.log_every == 0 or done == args.steps:
            elapsed = time.time() - t0
            rate = elapsed / (done - start)
            print(f"step {done}/{args.steps}  loss {running:.4f}  lr {scheduler.get_last_lr()[0]:.2e}  "
                  f"elapsed {fmt(elapsed)}  eta {fmt(rate * (args.steps - done))}", flush=True)
        if time.time() - last_save > args.checkpoint_minutes * 60 or done == args.steps:
            save_checkpoint(ckpt, model, optimiser, scheduler, done)
            last_save = time.time()
    model.eval()
    return {"steps": args.steps, "train_seconds_this_run": round(time.time() - t0, 1), "final_loss": running}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--base", type=Path, required=True, help="folder with model.safetensors, config.json, tokenizer.json")
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--workdir", type=Path, required=True)
    ap.add_argument("--out", type=Path, required=True, help="where the trained fp32 model is saved")
    ap.add_argument("--steps", type=int, default=800)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--lr", type=float, default=5e-5)
    ap.add_argument("--scale", type=float, default=20.0)
    ap.add_argument("--max-anchor", type=int, default=96)
    ap.add_argument("--max-label", type=int, default=32)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--checkpoint-minutes", type=float, default=3.0)
    ap.add_argument("--log-every", type=int, default=10)
    ap.add_argument("--export-checkpoint", action="store_true",
                    help="do not train: save the model of the last checkpoint (an interrupted run) to --out")
    args = ap.parse_args()
    info = {} if args.export_checkpoint else train(args)
    model = AutoModel.from_pretrained(str(args.base))
    state = torch.load(args.workdir / "checkpoint.pt", weights_only=False)
    model.load_state_dict(state["model"])
    model.save_pretrained(str(args.out))
    info["checkpoint_step"] = state["step"]
    (args.out / "trained-steps.json").write_text(json.dumps(info), encoding="utf-8")
    print(json.dumps(info), flush=True)


if __name__ == "__main__":
    main()
