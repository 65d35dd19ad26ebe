import type { CredentialEntryInput } from '../../core/catalog/credential-entry.js';

// Coursera sells most items through a monthly subscription; single courses and guided projects also have one-off
// prices. These public list prices (2025) turn catalogue rows into comparable estimates, always marked as such.
const MONTHLY_USD = 49;
const GUIDED_PROJECT_USD = 9.99;
const HOURS_PER_WEEK = 6;

export const COURSERA_PROVIDER = 'Coursera';

/** Estimated price of a Coursera item, by product type and months of study. */
export function courseraCost(product: string, months: number): NonNullable<CredentialEntryInput['cost']> {
  const project = /project/i.test(product);
  return {
    amount: project ? GUIDED_PROJECT_USD : Math.round(MONTHLY_USD * Math.max(1, Math.ceil(months)) * 100) / 100,
    currency: 'USD',
    free: false,
    basis: 'estimated',
    note: project ? 'Coursera guided-project list price' : `Coursera subscription, ${MONTHLY_USD} USD/month × ${Math.max(1, Math.ceil(months))} month(s)`,
  };
}

/** Hours and months from Coursera's duration buckets ("1 - 4 Weeks", "3 - 6 Months", "Less Than 2 Hours"). */
export function courseraDuration(bucket: string): { hours: number; months: number } | null {
  const b = bucket.toLowerCase();
  if (/less than 2 hours/.test(b)) return { hours: 2, months: 0 };
  const m = b.match(/(\d+)\s*-\s*(\d+)\s*(week|month)/);
  const single = b.match(/(\d+)\s*(week|month)/);
  if (!m && !single) return null;
  const lo = Number(m ? m[1] : single![1]);
  const hi = Number(m ? m[2] : single![1]);
  const unit = m ? m[3] : single![2];
  const weeks = ((lo + hi) / 2) * (unit === 'month' ? 4.3 : 1);
  return { hours: Math.round(weeks * HOURS_PER_WEEK), months: weeks / 4.3 };
}

/** Coursera levels are not EQF levels; we keep them as prerequisites text rather than guess an EQF level. */
export function levelNote(level: string | undefined): string[] {
  const l = (level ?? '').trim();
  return /^(beginner|intermediate|advanced|mixed)$/i.test(l) ? [`Coursera level: ${l}`] : [];
}

const KEEP = '\u2063';

/** Split Coursera's comma-separated skill lists, keeping names that contain commas ("Extract, Transform, Load"). */
export function splitCommaSkills(cell: string): string[] {
  const protectedCell = cell.replace(/Extract, Transform, Load/g, `Extract${KEEP} Transform${KEEP} Load`);
  const parts = protectedCell.split(',').map((s) => s.trim()).filter(Boolean);
  const out: string[] = [];
  for (const p of parts) {
    if (/^(and|or|&) /i.test(p) && out.length > 0) {
      // "Law, Regulation, and Compliance": glue back the run of one-word fragments before the "and" part.
      let head = out.pop()!;
      if (out.length > 0 && !head.includes(' ') && !out[out.length - 1]!.includes(' ') && /^[A-Z]/.test(out[out.length - 1]!)) head = `${out.pop()!}, ${head}`;
      out.push(`${head}, ${p}`);
    } else out.push(p);
  }
  return out.map((s) => s.split(KEEP).join(','));
}
