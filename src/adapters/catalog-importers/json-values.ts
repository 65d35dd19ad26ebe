/** Small readers for the loose shapes of JSON-LD credential data (values that may be arrays, language maps, …). */

export type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A value that may be one item or an array, as an array. */
export function asArray(v: unknown): unknown[] {
  return v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
}

/** Text from a plain string, a language map (`{"en-US": …}`, English preferred) or an array of either. */
export function langString(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (Array.isArray(v)) {
    for (const x of v) {
      const s = langString(x);
      if (s) return s;
    }
    return null;
  }
  if (!isObject(v)) return null;
  if (typeof v['@value'] === 'string') return v['@value'];
  const keys = Object.keys(v);
  const en = keys.find((k) => k === 'en') ?? keys.find((k) => k.toLowerCase().startsWith('en'));
  const pick = en ?? keys[0];
  return pick !== undefined && typeof v[pick] === 'string' ? (v[pick] as string).trim() || null : null;
}

/** The last path segment of a URI (`…/country/IRL` → `IRL`). */
export const lastSegment = (uri: unknown): string => (typeof uri === 'string' ? (uri.split(/[/#:]/).pop() ?? '') : '');

const ISO3_TO_2: Readonly<Record<string, string>> = {
  AUT: 'AT', BEL: 'BE', BGR: 'BG', HRV: 'HR', CYP: 'CY', CZE: 'CZ', DNK: 'DK', EST: 'EE', FIN: 'FI', FRA: 'FR', DEU: 'DE',
  GRC: 'GR', HUN: 'HU', IRL: 'IE', ITA: 'IT', LVA: 'LV', LTU: 'LT', LUX: 'LU', MLT: 'MT', NLD: 'NL', POL: 'PL', PRT: 'PT',
  ROU: 'RO', SVK: 'SK', SVN: 'SI', ESP: 'ES', SWE: 'SE', ISL: 'IS', NOR: 'NO', LIE: 'LI', CHE: 'CH', GBR: 'GB', USA: 'US',
  CAN: 'CA', AUS: 'AU', IND: 'IN',
};
const COUNTRY_NAMES: Readonly<Record<string, string>> = {
  'united states': 'US', usa: 'US', 'united kingdom': 'GB', ireland: 'IE', germany: 'DE', france: 'FR', spain: 'ES',
  italy: 'IT', netherlands: 'NL', belgium: 'BE', switzerland: 'CH', canada: 'CA', australia: 'AU', india: 'IN',
};

/** ISO 3166-1 alpha-2 from an alpha-3 code, an EU authority URI or an English country name; null when unknown. */
export function countryCode(v: unknown): string | null {
  const s = typeof v === 'string' ? v.trim() : langString(v);
  if (!s) return null;
  if (/^[A-Z]{2}$/.test(s)) return s;
  const seg = lastSegment(s).toUpperCase();
  return ISO3_TO_2[seg] ?? COUNTRY_NAMES[s.toLowerCase()] ?? null;
}

const LANG3: Readonly<Record<string, string>> = {
  ENG: 'en', FRA: 'fr', FRE: 'fr', DEU: 'de', GER: 'de', SPA: 'es', ITA: 'it', NLD: 'nl', DUT: 'nl', POR: 'pt', POL: 'pl',
  SWE: 'sv', FIN: 'fi', DAN: 'da', ELL: 'el', GRE: 'el', CES: 'cs', CZE: 'cs', RON: 'ro', RUM: 'ro', HUN: 'hu', GLE: 'ga',
};

/** ISO 639-1 from `en`, `en-US`, `ENG` or an EU language authority URI; null when unknown. */
export function languageCode(v: unknown): string | null {
  const s = typeof v === 'string' ? v : isObject(v) ? ((v.id as string | undefined) ?? langString(v.prefLabel)) : null;
  if (!s) return null;
  if (/^[a-z]{2}(-[A-Za-z]{2})?$/.test(s)) return s.slice(0, 2);
  const seg = lastSegment(s).toUpperCase();
  if (LANG3[seg]) return LANG3[seg]!;
  const byName: Record<string, string> = { english: 'en', french: 'fr', german: 'de', spanish: 'es', italian: 'it', dutch: 'nl' };
  return byName[s.toLowerCase()] ?? null;
}

/** Hours in an ISO 8601 duration (`PT60H`, `P1DT2H`); null when not one. Days count as 8 study hours. */
export function isoDurationHours(v: unknown): number | null {
  if (typeof v !== 'string') return null;
  const m = v.match(/^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?)?$/);
  if (!m || (!m[1] && !m[2] && !m[3])) return null;
  return Number(m[1] ?? 0) * 8 + Number(m[2] ?? 0) + Number(m[3] ?? 0) / 60;
}

/** Form of participation words → SkillProof's mode. */
export function modeFromText(s: string | null): 'online' | 'onsite' | 'hybrid' | null {
  if (!s) return null;
  const t = s.toLowerCase();
  if (/blend|hybrid|mixed/.test(t)) return 'hybrid';
  if (/online|distance|remote|e-learning/.test(t)) return 'online';
  if (/in[- ]?person|onsite|on-site|face|classroom|campus/.test(t)) return 'onsite';
  return null;
}

export const isEscoSkillUri = (u: unknown): u is string => typeof u === 'string' && /^https?:\/\/data\.europa\.eu\/esco\/skill\/[0-9a-f-]{36}$/.test(u);
