#!/usr/bin/env bash
# npm run model:train — build the ESCO-tuned MiniLM end to end, on the CPU, into the project cache.
# Re-running resumes: finished steps are skipped and training continues from its last checkpoint.
# Options pass through to pipeline.py, e.g. `npm run model:train -- --steps 100` for a quick trial, or
# `-- --from-checkpoint` to publish the last checkpoint of an unfinished run (as minilm-esco-<key>-step<N>).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/skills-taxonomy/training"
CACHE="${SKILLPROOF_CACHE_DIR:-$ROOT/.cache}"
SHARED="${SKILLPROOF_SHARED_DIR:-$ROOT/../shared}"
if [[ -n "${SKILLPROOF_ESCO_DIR:-}" ]]; then ESCO="$SKILLPROOF_ESCO_DIR"
elif [[ -f "$ROOT/skills-taxonomy/esco/skills_en.csv" ]]; then ESCO="$ROOT/skills-taxonomy/esco"
else ESCO="$SHARED/esco"; fi
if [[ ! -f "$ESCO/skills_en.csv" ]]; then
  echo "No ESCO CSV package found (looked in $ESCO). Set SKILLPROOF_ESCO_DIR (README, \"Getting ESCO\")." >&2
  exit 2
fi
SKILLSPAN="$SHARED/bench/skillspan/train.json"
PYTHON="${PYTHON:-python3}"
VENV="$CACHE/training/venv"
NICE=(nice -n "${SKILLPROOF_TRAIN_NICE:-19}")

# 1. A private venv with the pinned requirements (once; redone when requirements.txt changes).
stamp="$VENV/.requirements-$(sha256sum "$HERE/requirements.txt" | cut -c1-16)"
if [[ ! -f "$stamp" ]]; then
  echo "== setting up the training environment in $VENV (one time; torch is large)"
  "$PYTHON" -m venv "$VENV"
  torch_pin="$(grep -E '^torch==' "$HERE/requirements.txt")"
  # The CPU-only torch wheel is ~10x smaller than PyPI's (which pulls CUDA libraries this CPU run never uses):
  # use its index when it answers, otherwise plain PyPI.
  if ! "$VENV/bin/pip" install --quiet --timeout 15 --retries 0 --index-url https://download.pytorch.org/whl/cpu "$torch_pin" 2>/dev/null; then
    echo "   (CPU wheel index unreachable: torch comes from PyPI with its CUDA dependencies, unused here)"
  fi
  "$VENV/bin/pip" install --quiet -r "$HERE/requirements.txt"
  touch "$stamp"
fi

# 2. Data, fine-tuning, export (each skipped when done).
ARTEFACT="$("$VENV/bin/python" "$HERE/pipeline.py" --esco "$ESCO" --cache "$CACHE" --print-key "$@")"
if [[ -f "$ARTEFACT/onnx/model_quantized.onnx" ]]; then
  echo "$ARTEFACT is already built; the product uses it (SKILLPROOF_TRAINED_MODEL=auto)."
  exit 0
fi
started=$(date +%s)
"${NICE[@]}" "$VENV/bin/python" "$HERE/pipeline.py" --esco "$ESCO" --cache "$CACHE" --skillspan "$SKILLSPAN" "$@"

# 3. The product's own embedder must load it and agree with PyTorch before it is published under its final name.
echo "== checking the artefact with onnxruntime-node and src/adapters/local-embedder.ts"
PARTIAL="$(cat "$CACHE/training/last-export")"
ARTEFACT="${PARTIAL%.partial}"
"${NICE[@]}" npx --prefix "$ROOT" tsx "$HERE/check-node-embeddings.ts" "$PARTIAL"
rm -rf "$ARTEFACT"
mv "$PARTIAL" "$ARTEFACT"
echo "== done in $(( $(date +%s) - started )) s: $ARTEFACT"
echo "   The next analyze/bench run uses it and rebuilds the skill index once (a few minutes)."
