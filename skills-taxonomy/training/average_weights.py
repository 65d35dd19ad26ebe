"""Uniform weight averaging ("model soup") of fine-tuned runs that started from the same base model.

Runs that differ only in their seed (data sample, batch order, hard negatives) land in one basin of the loss when they
are fine-tuned from one pre-trained model, so the element-wise mean of their weights is itself a good model, and
usually a better and steadier one than any single run (Wortsman et al. 2022, "Model soups"). The pipeline uses it to
take the build-to-build spread out of the multilingual model.

Usage: python average_weights.py --out DIR MODEL_DIR MODEL_DIR [...]
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import torch
from transformers import AutoModel


def average(folders: list[Path]) -> torch.nn.Module:
    if len(folders) < 2:
        raise SystemExit(f"average_weights.py needs at least two model folders, got {len(folders)}.")
    model = AutoModel.from_pretrained(str(folders[0]))
    state = model.state_dict()
    total = {name: tensor.detach().clone().double() for name, tensor in state.items() if tensor.is_floating_point()}
    for folder in folders[1:]:
        other = AutoModel.from_pretrained(str(folder)).state_dict()
        if other.keys() != state.keys():
            raise SystemExit(f"{folder} does not have the same parameters as {folders[0]}: only runs of one base model can be averaged.")
        for name in total:
            if other[name].shape != total[name].shape:
                raise SystemExit(f"{folder}: {name} has shape {tuple(other[name].shape)}, {folders[0]} has {tuple(total[name].shape)}.")
            total[name] += other[name].double()
    model.load_state_dict({name: (total[name] / len(folders)).to(state[name].dtype) if name in total else state[name] for name in state})
    return model


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("models", type=Path, nargs="+")
    a = ap.parse_args()
    model = average(a.models)
    tmp = a.out.with_name(a.out.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    model.save_pretrained(str(tmp))
    (tmp / "averaged-from.json").write_text(json.dumps([str(m) for m in a.models], indent=2), encoding="utf-8")
    shutil.rmtree(a.out, ignore_errors=True)
    tmp.replace(a.out)
    print(f"averaged {len(a.models)} runs into {a.out}", flush=True)


if __name__ == "__main__":
    main()
