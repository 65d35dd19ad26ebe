import { inflate, utf8 } from './encoding.js';

/** What a user handed us, reduced to one thing a verifier can work on. */
export type DecodedInput =
  | { kind: 'json'; value: unknown; container: 'text' | 'png' | 'svg' }
  | { kind: 'jwt'; token: string; container: 'text' | 'png' | 'svg' }
  | { kind: 'url'; url: string; container: 'text' | 'png' | 'svg' }
  | { kind: 'error'; code: string; message: string };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/;
const BAKED_KEYWORDS = new Set(['openbadges', 'openbadgecredential']);

function classifyText(raw: string, container: 'text' | 'png' | 'svg'): DecodedInput {
  const text = raw.replace(/^\uFEFF/, '').trim();
  if (text === '') return { kind: 'error', code: 'empty_input', message: 'The input is empty; give a credential file, JSON, JWT or URL.' };
  if (text.startsWith('{') || text.startsWith('[')) {
    try {
      return { kind: 'json', value: JSON.parse(text), container };
    } catch {
      return { kind: 'error', code: 'json_malformed', message: 'The input looks like JSON but does not parse; check it is complete and not a snippet with comments.' };
    }
  }
  if (COMPACT_JWS.test(text)) return { kind: 'jwt', token: text, container };
  if (/^https?:\/\/\S+$/i.test(text)) return { kind: 'url', url: text, container };
  if (/^[A-Za-z0-9_-]{16,}$/.test(text)) {
    return { kind: 'error', code: 'jwt_malformed', message: 'This looks like part of a JWT (one segment, no dots): the payload and signature are missing.' };
  }
  return { kind: 'error', code: 'format_unrecognised', message: 'Not JSON, a compact JWT, a URL, or a baked PNG/SVG badge.' };
}

async function readPngChunks(bytes: Uint8Array): Promise<DecodedInput> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 8;
  while (at + 12 <= bytes.length) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    const start = at + 8;
    const end = start + length;
    if (end + 4 > bytes.length) break;
    if (type === 'iTXt' || type === 'tEXt' || type === 'zTXt') {
      const data = bytes.subarray(start, end);
      const nul = data.indexOf(0);
      const keyword = nul >= 0 ? utf8(data.subarray(0, nul)) : '';
      if (BAKED_KEYWORDS.has(keyword)) {
        const text = await chunkText(type, data.subarray(nul + 1));
        if (text === null) return { kind: 'error', code: 'png_chunk_corrupt', message: 'The badge image has an Open Badges chunk that cannot be read.' };
        return classifyText(text, 'png');
      }
    }
    if (type === 'IEND') break;
    at = end + 4;
  }
  return { kind: 'error', code: 'png_not_baked', message: 'This PNG carries no Open Badges data (no "openbadges" or "openbadgecredential" text chunk).' };
}

async function chunkText(type: string, rest: Uint8Array): Promise<string | null> {
  if (type === 'tEXt') return new TextDecoder('latin1').decode(rest);
  if (type === 'zTXt') {
    const out = await inflate(rest.subarray(1), 'deflate');
    return out ? new TextDecoder('latin1').decode(out) : null;
  }
  // iTXt: compression flag, method, language\0, translated keyword\0, text
  const compressed = rest[0] === 1;
  let at = 2;
  for (let n = 0; n < 2; n++) {
    const nul = rest.indexOf(0, at);
    if (nul < 0) return null;
    at = nul + 1;
  }
  const body = rest.subarray(at);
  if (!compressed) return utf8(body);
  const out = await inflate(body, 'deflate');
  return out ? utf8(out) : null;
}

function readSvg(svg: string): DecodedInput {
  // OB 3.0 bakes <openbadges:credential>, OB 2.0 <openbadges:assertion verify="...">; both may wrap CDATA.
  const element = /<openbadges:(credential|assertion)\b([^>]*?)(\/>|>([\s\S]*?)<\/openbadges:\1>)/i.exec(svg);
  if (!element) return { kind: 'error', code: 'svg_not_baked', message: 'This SVG carries no Open Badges data (no openbadges:credential or openbadges:assertion element).' };
  const inner = (element[4] ?? '').replace(/^\s*<!\[CDATA\[/, '').replace(/\]\]>\s*$/, '').trim();
  if (inner) return classifyText(inner, 'svg');
  const verify = /\bverify\s*=\s*"([^"]+)"/i.exec(element[2] ?? '');
  if (verify) return classifyText(verify[1]!.replace(/&amp;/g, '&'), 'svg');
  return { kind: 'error', code: 'svg_not_baked', message: 'The SVG badge element is empty.' };
}

/** Recognise a credential in raw bytes: JSON, compact JWT, URL, or a PNG/SVG with a baked badge. */
export async function decodeCredentialInput(bytes: Uint8Array): Promise<DecodedInput> {
  if (bytes.length === 0) return { kind: 'error', code: 'empty_input', message: 'The input is empty (0 bytes); nothing to verify.' };
  if (PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return readPngChunks(bytes);
  const text = utf8(bytes);
  const head = text.slice(0, 2000).trimStart().toLowerCase();
  if (head.startsWith('<svg') || head.startsWith('<?xml') || head.includes('<svg')) return readSvg(text);
  return classifyText(text, 'text');
}
