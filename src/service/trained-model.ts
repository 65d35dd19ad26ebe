import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ConfigError } from '../core/errors.js';
import type { Config } from './config.js';

/** The base model `npm run model:train` fine-tunes for English; a trained artefact only stands in for its base. */
export const TRAINED_MODEL_BASE = 'Xenova/all-MiniLM-L6-v2';
/** The multilingual base model it fine-tunes on ESCO's English, French and Spanish labels. */
export const TRAINED_MULTILINGUAL_BASE = 'Xenova/multilingual-e5-small';
/** Folder (under the cache dir) where the training pipeline publishes finished models. */
export const TRAINED_MODELS_SUBDIR = join('models', 'skillproof');

/** Each trained model family: the artefact folder prefix and the base model it replaces. */
const FAMILIES: readonly { prefix: string; base: string }[] = [
  { prefix: 'minilm-esco-', base: TRAINED_MODEL_BASE },
  { prefix: 'me5-esco-', base: TRAINED_MULTILINGUAL_BASE },
];

/** The model id of an embedder id ("Xenova/all-MiniLM-L6-v2@q8" → "Xenova/all-MiniLM-L6-v2"). */
export function modelIdOf(embedderId: string): string {
  return embedderId.replace(/@.*$/, '');
}

/**
 * Settings are chosen per model family: every build of an ESCO-tuned model shares its family
 * (`skillproof/minilm-esco`, `skillproof/me5-esco`); any other model is its own family.
 */
export function modelFamily(embedderId: string): string {
  const id = modelIdOf(embedderId);
  const family = FAMILIES.find((f) => id.startsWith(`skillproof/${f.prefix}`));
  return family ? `skillproof/${family.prefix.slice(0, -1)}` : id;
}

/** Which embedder to load: an id in the transformers.js layout under `modelsDir`, and what to tell the user. */
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
  /** The configured model (English or multilingual slot); only its own family's artefacts stand in for it. */
  embeddingModel: string;
  /** The variable the setting came from, named in errors (default SKILLPROOF_TRAINED_MODEL). */
  settingName?: string;
  modelsDir: string | null;
  cacheDir: string;
}

const isArtefact = (dir: string) => existsSync(join(dir, 'onnx', 'model_quantized.onnx')) && existsSync(join(dir, 'config.json'));

/** A folder in the transformers.js layout, expressed as the (root, ORG/NAME) pair the local embedder takes. */
function asModel(dir: string): { modelId: string; modelsDir: string } {
  return { modelsDir: dirname(dirname(dir)), modelId: `${basename(dirname(dir))}/${basename(dir)}` };
}

/** Finished artefacts of one family (by its base model) in the cache, newest first (`.partial` folders are exports still being checked). */
export function listTrainedModels(cacheDir: string, baseModel: string = TRAINED_MODEL_BASE): string[] {
  const root = join(cacheDir, TRAINED_MODELS_SUBDIR);
  const family = FAMILIES.find((f) => f.base === baseModel);
  if (!family || !existsSync(root)) return [];
  return readdirSync(root)
    .filter((name) => name.startsWith(family.prefix) && !name.endsWith('.partial'))
    .map((name) => join(root, name))
    .filter(isArtefact)
    .map((dir) => ({ dir, at: statSync(join(dir, 'onnx', 'model_quantized.onnx')).mtimeMs }))
    .sort((a, b) => b.at - a.at)
    .map((x) => x.dir);
}

/**
 * The model of one engine slot as configured: the English slot (`embeddingModel`, SKILLPROOF_TRAINED_MODEL) or the
 * multilingual one (`multilingualModel`, SKILLPROOF_TRAINED_MULTILINGUAL_MODEL), with its ESCO-tuned build when built.
 */
export function resolveEngineModel(
  config: Pick<Config, 'embeddingModel' | 'multilingualModel' | 'trainedModel' | 'trainedMultilingualModel' | 'modelsDir' | 'cacheDir'>,
  slot: 'primary' | 'multilingual',
): ModelChoice {
  const { modelsDir, cacheDir } = config;
  return slot === 'primary'
    ? resolveEmbeddingModel({ setting: config.trainedModel ?? 'auto', embeddingModel: config.embeddingModel, modelsDir, cacheDir })
    : resolveEmbeddingModel({ setting: config.trainedMultilingualModel ?? 'auto', embeddingModel: config.multilingualModel, settingName: 'SKILLPROOF_TRAINED_MULTILINGUAL_MODEL', modelsDir, cacheDir });
}

/**
 * Pick the embedder for one slot: the ESCO-tuned build from `npm run model:train` when it exists (and the configured
 * model is its base), otherwise the configured model. An explicit path that holds no model is a configuration fault.
 */
export function resolveEmbeddingModel(input: ResolveModelInput): ModelChoice {
  const configured: ModelChoice = { modelId: input.embeddingModel, modelsDir: input.modelsDir, notice: null, trained: false };
  const setting = input.setting.trim();
  if (setting === 'off') return configured;
  if (setting !== 'auto' && setting !== '') {
    const dir = resolve(setting);
    const name = input.settingName ?? 'SKILLPROOF_TRAINED_MODEL';
    if (!isArtefact(dir)) {
      throw new ConfigError('trained_model_missing', `${name} points at ${dir}, which holds no onnx/model_quantized.onnx and config.json. Build one with npm run model:train, or set it to auto or off.`);
    }
    return { ...asModel(dir), notice: null, trained: true };
  }
  if (!FAMILIES.some((f) => f.base === input.embeddingModel)) return configured;
  const newest = listTrainedModels(input.cacheDir, input.embeddingModel)[0];
  if (newest) return { ...asModel(newest), notice: null, trained: true };
  return {
    ...configured,
    notice: `Using the base model ${input.embeddingModel}: no ESCO-tuned build of it in ${join(input.cacheDir, TRAINED_MODELS_SUBDIR)} (npm run model:train builds one).`,
  };
}
