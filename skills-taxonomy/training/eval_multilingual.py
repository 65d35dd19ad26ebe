"""Model selection for the multilingual encoder: MRR of the held-out French occupation titles (dev.jsonl).

Each held-out title ("query: ...") is searched among every French occupation label the training data kept
("passage: ..."); the score is 1 / rank of the first label of the right occupation. Works on a PyTorch folder.

Usage: python eval_multilingual.py --model DIR --esco DIR --dev FILE [--tokenizer DIR] [--out FILE]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
import torch
from transformers import AutoModel

from generate_multilingual_data import PASSAGE, QUERY, labels_of, older_release
from generate_data import read_csv
from train import embed_bucketed, load_tokenizer


def dev_mrr(model, tok, esco: Path, dev_file: Path) -> float:
    dev = [json.loads(line) for line in dev_file.open(encoding="utf-8")]
    held = {(d["uri"], d["query"].lower()) for d in dev}
    corpus = [(label, row["conceptUri"]) for row in read_csv(older_release(esco) / "occupations_fr.csv") for label in labels_of(row)
              if (row["conceptUri"], label.lower()) not in held]
    # The training loop's length-bucketed embedding, without gradients: a few hundred labels per padded batch.
    with torch.no_grad():
        c = torch.nn.functional.normalize(embed_bucketed(model, tok, [PASSAGE + label for label, _ in corpus], 64, buckets=len(corpus) // 128 + 1), dim=-1).numpy()
        q = torch.nn.functional.normalize(embed_bucketed(model, tok, [QUERY + d["query"] for d in dev], 64, buckets=len(dev) // 128 + 1), dim=-1).numpy()
    owners = np.array([uri for _, uri in corpus])
    rr = []
    for i, d in enumerate(dev):
        order = np.argsort(-(c @ q[i]), kind="stable")
        hits = np.nonzero(owners[order] == d["uri"])[0]
        rr.append(1 / (hits[0] + 1) if len(hits) else 0.0)
    return float(np.mean(rr))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--model", type=Path, required=True)
    ap.add_argument("--esco", type=Path, required=True)
    ap.add_argument("--dev", type=Path, required=True)
    ap.add_argument("--tokenizer", type=Path, help="folder with tokenizer.json (default: --model; a trained folder has none)")
    ap.add_argument("--out", type=Path, help="also write the result here (JSON)")
    ap.add_argument("--threads", type=int, default=2)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    tok = load_tokenizer(a.tokenizer or a.model, 64)
    model = AutoModel.from_pretrained(str(a.model)).eval()
    result = json.dumps({"model": str(a.model), "dev_mrr": round(dev_mrr(model, tok, a.esco, a.dev), 4)})
    print(result, flush=True)
    if a.out:
        a.out.write_text(result, encoding="utf-8")


if __name__ == "__main__":
    main()
