import type { Check } from './verification.js';

function parseDate(v: string | null): number | null | 'bad' {
  if (v === null) return null;
  if (!/^\d{4}-\d{2}-\d{2}/.test(v)) return 'bad';
  const t = Date.parse(v);
  return Number.isNaN(t) ? 'bad' : t;
}

/** The validity-window step: not yet valid and expired are failures; absent dates mean no limit. */
export function checkValidity(validFrom: string | null, validUntil: string | null, now: Date): Check {
  const from = parseDate(validFrom);
  const until = parseDate(validUntil);
  const t = now.getTime();
  const base = { id: 'validity', advisory: false };
  if (from === 'bad' || until === 'bad') {
    return { ...base, ok: false, code: 'date_malformed', message: 'A validity date is not an ISO 8601 date-time, so the window cannot be trusted.' };
  }
  if (from !== null && from > t) {
    return { ...base, ok: false, code: 'not_yet_valid', message: `Not valid before ${validFrom}.` };
  }
  if (until !== null && until < t) return { ...base, ok: false, code: 'expired', message: `Expired on ${validUntil}.` };
  const window = until !== null ? `valid until ${validUntil}` : 'no expiry date';
  return { ...base, ok: true, code: 'within_validity', message: `Within its validity window (${window}).` };
}

/** An advisory note when a credential is older than `maxAgeYears`: skills in fast-moving fields may have moved on. */
export function checkTopicality(issued: string | null, now: Date, maxAgeYears = 3): Check | null {
  if (issued === null) return null;
  const t = Date.parse(issued);
  if (Number.isNaN(t)) return null;
  const years = (now.getTime() - t) / (365.25 * 24 * 3600 * 1000);
  if (years <= maxAgeYears) return null;
  return {
    id: 'topicality',
    ok: null,
    code: 'credential_old',
    message: `Issued ${Math.floor(years)} years ago; in fast-moving fields ask for more recent evidence.`,
    advisory: true,
  };
}
