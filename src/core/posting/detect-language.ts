import { eld } from 'eld/small';

/** A detected language: ISO 639-1 code, or 'und' (undetermined) with confidence 0. */
export interface DetectedLanguage {
  language: string;
  confidence: number;
  reliable: boolean;
}

// Detection cost grows with length and a posting's language shows in its first few thousand characters.
const SAMPLE_CHARS = 6_000;

/**
 * Detect the language of a text with ELD (n-gram detector, pure JavaScript, no network, works in a browser bundle).
 * The 'small' database is a compromise between accuracy on short texts and bundle size (~1.6 MB).
 */
export function detectLanguage(text: string): DetectedLanguage {
  const sample = text
    .slice(0, SAMPLE_CHARS)
    .replace(/https?:\/\/\S+|\S+@\S+/g, ' ')
    .replace(/[•#*_>|]/g, ' ');
  if (sample.replace(/[^\p{L}]/gu, '').length < 3) return { language: 'und', confidence: 0, reliable: false };
  const result = eld.detect(sample);
  if (!result.language) return { language: 'und', confidence: 0, reliable: false };
  const scores = Object.values(result.getScores()).sort((a, b) => b - a);
  const top = scores[0] ?? 0;
  const margin = top - (scores[1] ?? 0);
  const reliable = result.isReliable();
  // ELD's scores are not probabilities; the lead over the runner-up says more about how sure it is.
  const confidence = Math.max(0, Math.min(1, (reliable ? 0.5 : 0.2) + margin * 2));
  return { language: result.language, confidence: Number(confidence.toFixed(3)), reliable };
}
