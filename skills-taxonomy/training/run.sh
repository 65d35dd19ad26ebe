#!/usr/bin/env bash
# npm run model:train — build the ESCO-tuned models end to end, on the CPU, into the project cache: the English
# MiniLM (family minilm) and then the multilingual E5 (family me5). `-- --family minilm` (or me5) builds one.
# Re-running resumes: finished steps are skipped and training continues from its last checkpoint.
# Other options pass through to pipeline.py, e.g. `npm run model:train -- --family minilm --steps 100` for a quick
# trial, or `-- --from-checkpoint` to publish the last checkpoint of an unfinished run (as <name>-<key>-step<N>).
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
# The generators iterate sets of words in places; a fixed hash seed keeps their output the same on every run.
export PYTHONHASHSEED=0

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

# The multilingual model's tokenizer comes from the product's copy of Xenova/multilingual-e5-small: the configured
# models folder, the shared one, or the transformers.js download cache (the product fills it on first use).
MODELS=""
for d in "${SKILLPROOF_MODELS_DIR:-}" "$SHARED/models" "$CACHE/models"; do
  if [[ -n "$d" && -f "$d/Xenova/multilingual-e5-small/tokenizer.json" ]]; then MODELS="$d"; break; fi
done

FAMILIES=(minilm me5)
ARGS=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --family) FAMILIES=("$2"); shift 2 ;;
    --family=*) FAMILIES=("${1#--family=}"); shift ;;
    *) ARGS+=("$1"); shift ;;
  esac
done

build() {
  local family="$1"; shift
  if [[ "$family" == me5 && -z "$MODELS" ]]; then
    echo "Skipping the multilingual model: no Xenova/multilingual-e5-small tokenizer found (set SKILLPROOF_MODELS_DIR, or run" >&2
    echo "the product once on a non-English posting so transformers.js downloads it into $CACHE/models)." >&2
    return 0
  fi
  local common=(--family "$family" --esco "$ESCO" --cache "$CACHE" --skillspan "$SKILLSPAN")
  [[ -n "$MODELS" ]] && common+=(--models "$MODELS")
  # `--print-key` only names the artefact: nothing is built, checked or published.
  if [[ " $* " == *" --print-key "* ]]; then
    "$VENV/bin/python" "$HERE/pipeline.py" "${common[@]}" "$@"
    return 0
  fi
  # 2. Data, fine-tuning, export (each skipped when done).
  local artefact
  artefact="$("$VENV/bin/python" "$HERE/pipeline.py" "${common[@]}" --print-key "$@")"
  if [[ -f "$artefact/onnx/model_quantized.onnx" ]]; then
    echo "$artefact is already built; the product uses it (SKILLPROOF_TRAINED_MODEL / SKILLPROOF_TRAINED_MULTILINGUAL_MODEL=auto)."
    return 0
  fi
  local started
  started=$(date +%s)
  "${NICE[@]}" "$VENV/bin/python" "$HERE/pipeline.py" "${common[@]}" "$@"

  # 3. The product's own embedder must load it and agree with PyTorch before it is published under its final name.
  echo "== checking the artefact with onnxruntime-node and src/adapters/local-embedder.ts"
  local partial
  partial="$(cat "$CACHE/training/last-export")"
  artefact="${partial%.partial}"
  "${NICE[@]}" npx --prefix "$ROOT" tsx "$HERE/check-node-embeddings.ts" "$partial"
  rm -rf "$artefact"
  mv "$partial" "$artefact"
  echo "== $family done in $(( $(date +%s) - started )) s: $artefact"
  echo "   The next analyze/bench run uses it and rebuilds its skill index once (a few minutes)."
}

for family in "${FAMILIES[@]}"; do
  echo "=== model family $family"
  build "$family" "${ARGS[@]}"
done
