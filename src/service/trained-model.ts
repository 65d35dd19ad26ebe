import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ConfigError } from '../core/errors.js';

/** The base model `npm run model:train` fine-tunes; a trained artefact only stands in for this one. */
export const TRAINED_MODEL_BASE = 'Xenova/all-MiniLM-L6-v2';
/** Folder (under the cache dir) where the training pipeline publishes finished models. */
export const TRAINED_MODELS_SUBDIR = join('models', 'skillproof');
const ARTEFACT_PREFIX = 'minilm-esco-';

/** The model id of an embedder id ("Xenova/all-MiniLM-L6-v2@q8" → "Xenova/all-MiniLM-L6-v2"). */
export function modelIdOf(embedderId: string): string {
  return embedderId.replace(/@.*$/, '');
}

/** Settings are chosen per model family: every build of the ESCO-tuned model shares the family `skillproof/minilm-esco`. */
export function modelFamily(embedderId: string): string {
  const id = modelIdOf(embedderId);
  const trained = `skillproof/${ARTEFACT_PREFIX}`;
  return id.startsWith(trained) ? trained.slice(0, -1) : id;
}

/** Which English embedder to load: an id in the transformers.js layout under `modelsDir`, and what to tell the user. */
export interface ModelChoice {
  modelId: string;
  modelsDir: string | null;
  /** One line for the user when the choice is worth knowing (e.g. the trained model is missing), else null. */
  notice: string | null;
  trained: boolean;
}

export interface ResolveModelInput {
  /** `auto` (use the newest trained artefact if any), `off`, or a path to an artefact folder. */
  setting: string;
  embeddingModel: string;
  modelsDir: string | null;
  cacheDir: string;
}

const isArtefact = (dir: string) => existsSync(join(dir, 'onnx', 'model_quantized.onnx')) && existsSync(join(dir, 'config.json'));

/** A folder in the transformers.js layout, expressed as the (root, ORG/NAME) pair the local embedder takes. */
function asModel(dir: string): { modelId: string; modelsDir: string } {
  return { modelsDir: dirname(dirname(dir)), modelId: `${basename(dirname(dir))}/${basename(dir)}` };
}

/** Finished artefacts in the cache, newest first (`.partial` folders are exports still being checked). */
export function listTrainedModels(cacheDir: string): string[] {
  const root = join(cacheDir, TRAINED_MODELS_SUBDIR);
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((name) => name.startsWith(ARTEFACT_PREFIX) && !name.endsWith('.partial'))
    .map((name) => join(root, name))
    .filter(isArtefact)
    .map((dir) => ({ dir, at: statSync(join(dir, 'onnx', 'model_quantized.onnx')).mtimeMs }))
    .sort((a, b) => b.at - a.at)
    .map((x) => x.dir);
}

/**
 * Pick the English embedder: the ESCO-tuned model from `npm run model:train` when it exists (and the configured model
 * is its base), otherwise the configured model. An explicit path that holds no model is a configuration fault.
 */
export function resolveEmbeddingModel(input: ResolveModelInput): ModelChoice {
  const configured: ModelChoice = { modelId: input.embeddingModel, modelsDir: input.modelsDir, notice: null, trained: false };
  const setting = input.setting.trim();
  if (setting === 'off') return configured;
  if (setting !== 'auto' && setting !== '') {
    const dir = resolve(setting);
    if (!isArtefact(dir)) {
      throw new ConfigError('trained_model_missing', `SKILLPROOF_TRAINED_MODEL points at ${dir}, which holds no onnx/model_quantized.onnx and config.json. Build one with npm run model:train, or set it to auto or off.`);
    }
    return { ...asModel(dir), notice: null, trained: true };
  }
  if (input.embeddingModel !== TRAINED_MODEL_BASE) return configured;
  const newest = listTrainedModels(input.cacheDir)[0];
  if (newest) return { ...asModel(newest), notice: null, trained: true };
  return {
    ...configured,
    notice: `Using the base model ${TRAINED_MODEL_BASE}: no ESCO-tuned model in ${join(input.cacheDir, TRAINED_MODELS_SUBDIR)} (npm run model:train builds one).`,
  };
}
