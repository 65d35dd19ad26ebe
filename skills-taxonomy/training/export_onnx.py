"""Export the trained encoder to ONNX, quantise it to int8 and lay it out as transformers.js expects.

Output folder: config.json, tokenizer.json, tokenizer_config.json, special_tokens_map.json, onnx/model.onnx (fp32),
onnx/model_quantized.onnx (int8 dynamic quantisation, per channel; what the product loads). Inputs input_ids, attention_mask,
token_type_ids (int64, [batch, sequence]); output last_hidden_state [batch, sequence, 384].
Also checks the quantised graph against the PyTorch model (mean-pooled cosine) and writes reference embeddings
that the Node check (check-node-embeddings.ts) compares with what the product's own embedder computes.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
from pathlib import Path

import numpy as np
import onnx
import onnxruntime as ort
import torch
from onnxruntime.quantization import QuantType, quantize_dynamic
from transformers import AutoModel

from train import encode, load_tokenizer, mean_pool

PROBES = [
    "Python programming",
    "Experience with relational databases such as PostgreSQL.",
    "You will manage a small team of nurses and plan their shifts.",
    "Knowledge of food safety regulations is a plus.",
    "cook meals",
    "Strong communication skills in English and German.",
    "Develop and maintain CI/CD pipelines in a cloud environment; monitor production systems.",
    "operate forklift",
    "Familiarity with machine learning frameworks (PyTorch, TensorFlow) and statistics.",
    "• Accounting",
    "Ability to work independently under pressure and meet deadlines.",
    "Maintain electrical equipment and diagnose faults in low-voltage installations.",
]


class Wrapper(torch.nn.Module):
    def __init__(self, model: torch.nn.Module):
        super().__init__()
        self.model = model

    def forward(self, input_ids, attention_mask, token_type_ids):
        return self.model(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids).last_hidden_state


def export(model: torch.nn.Module, tok, path: Path) -> None:
    sample = encode(tok, ["a short sample", "a slightly longer sample sentence for tracing"], 32)
    args = (sample["input_ids"], sample["attention_mask"], sample["token_type_ids"])
    names = ["input_ids", "attention_mask", "token_type_ids"]
    axes = {n: {0: "batch_size", 1: "sequence_length"} for n in names}
    axes["last_hidden_state"] = {0: "batch_size", 1: "sequence_length"}
    try:
        # The TorchScript exporter gives the plain BERT graph that quantize_dynamic handles best.
        torch.onnx.export(Wrapper(model).eval(), args, str(path), input_names=names, output_names=["last_hidden_state"],
                          dynamic_axes=axes, opset_version=17, do_constant_folding=True, dynamo=False)
    except TypeError:
        torch.onnx.export(Wrapper(model).eval(), args, str(path), input_names=names, output_names=["last_hidden_state"],
                          dynamic_axes=axes, opset_version=17, do_constant_folding=True)


def onnx_embed(session: ort.InferenceSession, tok, texts: list[str]) -> np.ndarray:  # texts already prefixed
    out = []
    for t in texts:
        b = encode(tok, [t], 256)
        feeds = {k: v.numpy() for k, v in b.items() if k in {i.name for i in session.get_inputs()}}
        h = session.run(["last_hidden_state"], feeds)[0]
        out.append(h[0].mean(0))
    return np.stack(out)


def unit(x: np.ndarray) -> np.ndarray:
    return x / np.linalg.norm(x, axis=-1, keepdims=True)


def copy_tokenizer(base: Path, out: Path) -> None:
    spec = json.loads((base / "tokenizer.json").read_text(encoding="utf-8"))
    # transformers.js ignores these, Python obeys them: keep the artefact neutral for both.
    spec["padding"] = None
    spec["truncation"] = None
    (out / "tokenizer.json").write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
    for name in ["tokenizer_config.json", "special_tokens_map.json", "vocab.txt"]:
        if (base / name).exists():
            shutil.copyfile(base / name, out / name)
    if not (out / "special_tokens_map.json").exists():
        (out / "special_tokens_map.json").write_text(json.dumps(
            {"cls_token": "[CLS]", "mask_token": "[MASK]", "pad_token": "[PAD]", "sep_token": "[SEP]", "unk_token": "[UNK]"}))
    if not (out / "tokenizer_config.json").exists():
        (out / "tokenizer_config.json").write_text(json.dumps(
            {"tokenizer_class": "BertTokenizer", "do_lower_case": True, "model_max_length": 512, "clean_up_tokenization_spaces": True}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--model", type=Path, required=True, help="trained fp32 model folder (save_pretrained)")
    ap.add_argument("--base", type=Path, required=True, help="base model folder (tokenizer files)")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--query-prefix", default="", help='what the model expects before a query (E5: "query: ")')
    ap.add_argument("--passage-prefix", default="", help='what it expects before a searched text (E5: "passage: ")')
    ap.add_argument("--fp32-nodes", default="", help="regular expression: MatMul nodes left in fp32 (activation outliers)")
    a = ap.parse_args()
    (a.out / "onnx").mkdir(parents=True, exist_ok=True)
    tok = load_tokenizer(a.base, 256)
    # Eager attention traces to a plain graph; the SDPA path bakes traced shapes into the mask logic.
    model = AutoModel.from_pretrained(str(a.model), attn_implementation="eager").eval()
    fp32 = a.out / "onnx" / "model.onnx"
    with torch.no_grad():
        export(model, tok, fp32)
    # The exporter restores the wrapper's training mode afterwards, which would switch dropout back on.
    model.eval()
    q8 = a.out / "onnx" / "model_quantized.onnx"
    # Per-channel scales keep the mean-pooled vectors close to fp32 (cosine ~0.99 vs ~0.97 per-tensor); reduce_range
    # avoids int16 overflow on x86 CPUs without VNNI.
    # Some encoders (multilingual-e5-small) carry activation outliers into their feed-forward layers, which one int8
    # scale per tensor cannot hold: those MatMuls stay fp32 (E5: cosine to PyTorch 0.957 with all int8, 0.994 with
    # the feed-forward layers kept).
    keep = []
    if a.fp32_nodes:
        graph = onnx.load(str(fp32), load_external_data=False).graph
        keep = [n.name for n in graph.node if n.op_type == "MatMul" and re.search(a.fp32_nodes, n.name)]
    quantize_dynamic(str(fp32), str(q8), weight_type=QuantType.QInt8, per_channel=True, reduce_range=True, nodes_to_exclude=keep)
    config = json.loads((a.model / "config.json").read_text(encoding="utf-8"))
    config.pop("torch_dtype", None)
    config.pop("dtype", None)
    config["model_type"] = "bert"
    (a.out / "config.json").write_text(json.dumps(config, indent=2), encoding="utf-8")
    copy_tokenizer(a.base, a.out)
    if a.query_prefix or a.passage_prefix:
        # The sentence-transformers convention; the product's embedder reads the prefixes from here.
        (a.out / "config_sentence_transformers.json").write_text(json.dumps(
            {"prompts": {"query": a.query_prefix, "passage": a.passage_prefix}, "default_prompt_name": None}, indent=2), encoding="utf-8")
    # The references are queries, as the Node check embeds them (with the query prefix).
    probes = [a.query_prefix + t for t in PROBES]

    with torch.no_grad():
        ref = torch.cat([mean_pool(model, encode(tok, [t], 256)) for t in probes]).numpy()
    report = {}
    for name, path in [("onnx_fp32", fp32), ("onnx_int8", q8)]:
        sess = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
        got = onnx_embed(sess, tok, probes)
        cos = (unit(ref) * unit(got)).sum(-1)
        report[name] = {"mean_cosine": round(float(cos.mean()), 6), "min_cosine": round(float(cos.min()), 6)}
    (a.out / "reference-embeddings.json").write_text(json.dumps(
        {"texts": PROBES, "vectors": unit(ref).round(6).tolist()}), encoding="utf-8")
    report["fp32_matmuls"] = len(keep)
    print(json.dumps({"pytorch_vs": report, "int8_bytes": q8.stat().st_size}), flush=True)
    (a.out / "export-check.json").write_text(json.dumps(report, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
