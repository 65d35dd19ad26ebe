import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AutoModel, AutoTokenizer, env, type PreTrainedTokenizer } from '@huggingface/transformers';
import * as ort from 'onnxruntime-node';
import { ConfigError } from '../core/errors.js';
import type { ContextVectors, EmbedKind, Embedder, TextWithSpans } from '../ports/embedder.js';

/** What we know about each supported model: the prefixes it was trained with. Unknown ids use none. */
const MODEL_CARDS: Readonly<Record<string, { query: string; passage: string }>> = Object.freeze({
  'Xenova/all-MiniLM-L6-v2': { query: '', passage: '' },
  'Xenova/multilingual-e5-small': { query: 'query: ', passage: 'passage: ' },
});

const MAX_TOKENS = 256;

/**
 * The prefixes a model expects: a fine-tuned build declares them in its own folder, as sentence-transformers does
 * (`config_sentence_transformers.json`, `prompts.query` / `prompts.passage`); published models come from MODEL_CARDS.
 */
export function promptsOf(modelId: string, modelDir: string | null): { query: string; passage: string } {
  const file = modelDir ? join(modelDir, 'config_sentence_transformers.json') : null;
  if (file && existsSync(file)) {
    let prompts: unknown;
    try {
      prompts = (JSON.parse(readFileSync(file, 'utf8')) as { prompts?: unknown }).prompts;
    } catch (cause) {
      throw new ConfigError('model_load_failed', `${file} is not valid JSON (${(cause as Error).message}): rebuild the model with npm run model:train.`, { cause });
    }
    if (prompts && typeof prompts === 'object') {
      const p = prompts as Record<string, unknown>;
      const text = (v: unknown) => (typeof v === 'string' ? v : '');
      return { query: text(p.query), passage: text(p.passage) };
    }
  }
  return MODEL_CARDS[modelId] ?? { query: '', passage: '' };
}

export interface LocalEmbedderOptions {
  modelId: string;
  /** Folder holding ORG/NAME/ in the transformers.js layout; null downloads from the hub into `cacheDir`. */
  modelsDir: string | null;
  cacheDir: string;
  batchSize?: number;
  threads?: number;
}

/** Find (or, without a local folder, download through transformers.js) the quantised ONNX file and tokenizer. */
async function locateModel(options: LocalEmbedderOptions): Promise<{ onnxPath: string; tokenizer: PreTrainedTokenizer }> {
  const { modelId, modelsDir } = options;
  if (modelsDir) {
    const onnxPath = join(modelsDir, modelId, 'onnx', 'model_quantized.onnx');
    if (!existsSync(onnxPath)) {
      throw new ConfigError(
        'model_missing',
        `Model ${modelId} is not in ${modelsDir} (expected ${modelId}/onnx/model_quantized.onnx in the transformers.js layout). Put it there, or unset SKILLPROOF_MODELS_DIR to download it from the Hugging Face hub.`,
      );
    }
    env.localModelPath = modelsDir.endsWith('/') ? modelsDir : `${modelsDir}/`;
    env.allowLocalModels = true;
    env.allowRemoteModels = false;
    return { onnxPath, tokenizer: await AutoTokenizer.from_pretrained(modelId) };
  }
  // Real users without a local copy: transformers.js downloads and caches the same files from the hub.
  env.allowRemoteModels = true;
  env.cacheDir = join(options.cacheDir, 'models');
  const tokenizer = await AutoTokenizer.from_pretrained(modelId);
  const model = await AutoModel.from_pretrained(modelId, { dtype: 'q8' });
  await model.dispose();
  const onnxPath = join(env.cacheDir, modelId, 'onnx', 'model_quantized.onnx');
  if (!existsSync(onnxPath)) throw new ConfigError('model_missing', `Downloaded ${modelId} but found no ${onnxPath}.`);
  return { onnxPath, tokenizer };
}

/**
 * Sentence embeddings on the CPU: transformers.js tokenises, ONNX Runtime runs the encoder, we mean-pool and
 * L2-normalise. Texts are batched in length order so short labels are not padded to the longest sentence.
 */
export async function createLocalEmbedder(options: LocalEmbedderOptions): Promise<Embedder> {
  let located: Awaited<ReturnType<typeof locateModel>>;
  try {
    located = await locateModel(options);
  } catch (cause) {
    if (cause instanceof ConfigError) throw cause;
    throw new ConfigError('model_load_failed', `Could not load embedding model ${options.modelId}: ${(cause as Error).message}. Check SKILLPROOF_MODELS_DIR or your network connection.`, { cause });
  }
  const { tokenizer } = located;
  const session = await ort.InferenceSession.create(located.onnxPath, {
    intraOpNumThreads: options.threads ?? 0,
    interOpNumThreads: 1,
    graphOptimizationLevel: 'all',
  });
  const needsTypeIds = session.inputNames.includes('token_type_ids');
  const prefixes = promptsOf(options.modelId, options.modelsDir ? join(options.modelsDir, options.modelId) : null);
  const batchSize = options.batchSize ?? 64;

  const encode = (text: string): number[] => {
    const ids = tokenizer.encode(text) as number[];
    // Keep the closing special token when truncating, as the model saw in training.
    return ids.length <= MAX_TOKENS ? ids : [...ids.slice(0, MAX_TOKENS - 1), ids[ids.length - 1]!];
  };

  const usage = { sequences: 0, tokens: 0 };
  /** Run one padded batch; returns hidden states [n × L × dim] and the batch's sequence length. */
  const forward = async (batch: number[][]) => {
    const n = batch.length;
    const L = Math.max(...batch.map((ids) => ids.length));
    const ids = new BigInt64Array(n * L);
    const mask = new BigInt64Array(n * L);
    batch.forEach((seq, r) =>
      seq.forEach((v, c) => {
        ids[r * L + c] = BigInt(v);
        mask[r * L + c] = 1n;
      }),
    );
    const feeds: Record<string, ort.Tensor> = {
      input_ids: new ort.Tensor('int64', ids, [n, L]),
      attention_mask: new ort.Tensor('int64', mask, [n, L]),
    };
    if (needsTypeIds) feeds.token_type_ids = new ort.Tensor('int64', new BigInt64Array(n * L), [n, L]);
    usage.sequences += n;
    usage.tokens += n * L;
    const out = await session.run(feeds);
    const hidden = (out.last_hidden_state ?? Object.values(out)[0]!) as ort.Tensor;
    return { data: hidden.data as Float32Array, L, dim: hidden.dims[2]! };
  };

  const normalise = (v: Float32Array): Float32Array => {
    let s = 0;
    for (let i = 0; i < v.length; i++) s += v[i]! * v[i]!;
    const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
    for (let i = 0; i < v.length; i++) v[i]! *= inv;
    return v;
  };

  const probe = await forward([encode('probe')]);
  const dim = probe.dim;

  /** Sum the hidden states of the given token positions of batch row `r` into a new unit vector. */
  const pool = (data: Float32Array, L: number, r: number, positions: Iterable<number>): Float32Array => {
    const v = new Float32Array(dim);
    for (const t of positions) {
      const base = (r * L + t) * dim;
      for (let d = 0; d < dim; d++) v[d]! += data[base + d]!;
    }
    return normalise(v);
  };
  const upTo = (n: number) => Array.from({ length: n }, (_, i) => i);

  // Word-by-word tokenisation, so each token knows the characters it came from. Both tokenizer families used here
  // (WordPiece after whitespace/punctuation splitting, SentencePiece after whitespace splitting) tokenise a
  // whitespace-separated chunk the same way alone as inside its sentence.
  const [open, close] = tokenizer.encode('') as number[];
  const chunkIds = new Map<string, number[]>();
  const encodeChunk = (chunk: string): number[] => {
    let ids = chunkIds.get(chunk);
    if (!ids) {
      ids = tokenizer.encode(chunk, { add_special_tokens: false }) as number[];
      if (chunkIds.size > 100_000) chunkIds.clear();
      chunkIds.set(chunk, ids);
    }
    return ids;
  };
  /** Token ids with, per token, the character range of the chunk it came from (null for special/prefix tokens). */
  const encodeWithOffsets = (prefix: string, text: string) => {
    const ids: number[] = [open ?? 0];
    const from: ({ start: number; end: number } | null)[] = [null];
    for (const m of prefix.matchAll(/\S+/g)) {
      for (const id of encodeChunk(m[0])) {
        ids.push(id);
        from.push(null);
      }
    }
    for (const m of text.matchAll(/\S+/g)) {
      const range = { start: m.index, end: m.index + m[0].length };
      for (const id of encodeChunk(m[0])) {
        if (ids.length >= MAX_TOKENS - 1) break;
        ids.push(id);
        from.push(range);
      }
    }
    ids.push(close ?? 0);
    from.push(null);
    return { ids, from };
  };

  const self: Embedder = {
    id: `${options.modelId}@q8`,
    dim,
    usage,
    async embed(texts, kind: EmbedKind, onProgress) {
      const prefix = kind === 'query' ? prefixes.query : prefixes.passage;
      const encoded = texts.map((t) => encode(prefix + t));
      const result: Float32Array[] = new Array(texts.length);
      let done = 0;
      for (const rows of batchesByLength(encoded.map((ids) => ids.length), batchSize)) {
        const { data, L } = await forward(rows.map((i) => encoded[i]!));
        rows.forEach((row, r) => (result[row] = pool(data, L, r, upTo(encoded[row]!.length))));
        done += rows.length;
        onProgress?.(done, texts.length);
      }
      return result;
    },
    async embedInContext(items: readonly TextWithSpans[], kind: EmbedKind): Promise<ContextVectors[]> {
      const prefix = kind === 'query' ? prefixes.query : prefixes.passage;
      const encoded = items.map((item) => encodeWithOffsets(prefix, item.text));
      const result: ContextVectors[] = new Array(items.length);
      const unseen: { item: number; span: number; text: string }[] = [];
      for (const rows of batchesByLength(encoded.map((e) => e.ids.length), batchSize)) {
        const { data, L } = await forward(rows.map((i) => encoded[i]!.ids));
        rows.forEach((row, r) => {
          const { ids, from } = encoded[row]!;
          const spans = items[row]!.spans.map((span, j) => {
            const positions = from.flatMap((range, t) => (range && range.start < span.end && span.start < range.end ? [t] : []));
            if (!positions.length) unseen.push({ item: row, span: j, text: items[row]!.text.slice(span.start, span.end) });
            return positions.length ? pool(data, L, r, positions) : new Float32Array(dim);
          });
          result[row] = { text: pool(data, L, r, upTo(ids.length)), spans };
        });
      }
      if (unseen.length) {
        const vectors = await self.embed(unseen.map((u) => u.text), kind);
        unseen.forEach((u, i) => (result[u.item]!.spans[u.span] = vectors[i]!));
      }
      return result;
    },
  };
  return self;
}

/**
 * Group sequence indices into model batches, shortest first. A batch ends at `maxSize` or when the next sequence is
 * much longer than the batch's first: every row is padded to the longest, so mixing a 10-token phrase with an
 * 80-token sentence would spend most of the work on padding.
 */
export function batchesByLength(lengths: readonly number[], maxSize: number): number[][] {
  const order = lengths.map((_, i) => i).sort((a, b) => lengths[a]! - lengths[b]!);
  const out: number[][] = [];
  let batch: number[] = [];
  for (const i of order) {
    const first = batch.length ? lengths[batch[0]!]! : 0;
    if (batch.length && (batch.length >= maxSize || lengths[i]! > first * 1.25 + 2)) {
      out.push(batch);
      batch = [];
    }
    batch.push(i);
  }
  if (batch.length) out.push(batch);
  return out;
}
