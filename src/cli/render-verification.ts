import type { Check, Verification } from '../core/verify/verification.js';

const HEADLINE: Record<Verification['outcome'], string> = {
  verified: '✔ VERIFIED',
  invalid: '✖ NOT VALID',
  unverifiable: '? COULD NOT BE VERIFIED',
};

const FORMAT: Record<Verification['format'], string> = {
  'ob2-hosted': 'Open Badges 2.0, hosted',
  'ob2-signed': 'Open Badges 2.0, signed',
  ob3: 'Open Badges 3.0',
  vc1: 'Verifiable Credential 1.1',
  vc2: 'Verifiable Credential 2.0',
  'vc-jwt': 'Verifiable Credential (JWT)',
  clr2: 'Comprehensive Learner Record 2.0',
  edc: 'European Digital Credential',
  'edc-jades': 'European Digital Credential, JAdES-sealed',
  vp: 'Verifiable Presentation',
  unknown: 'unrecognised format',
};

function mark(c: Check): string {
  if (c.ok === true) return '✔';
  if (c.ok === false) return c.advisory ? '!' : '✖';
  return '?';
}

/** The step log in plain words, for a terminal; nested CLR credentials are indented under their record. */
export function renderVerification(v: Verification, indent = ''): string {
  const lines: string[] = [];
  lines.push(`${indent}${HEADLINE[v.outcome]} — ${v.title ?? 'untitled credential'} (${FORMAT[v.format]})`);
  if (v.issuer.id || v.issuer.name) {
    const trust = v.issuer.trusted === null ? 'not checked against a trust registry' : v.issuer.trusted ? `listed in ${v.issuer.registries.join(', ')}` : 'NOT in any configured trust registry';
    lines.push(`${indent}Issuer:  ${[v.issuer.name, v.issuer.id].filter(Boolean).join(' — ')} (${trust})`);
  }
  if (v.subject?.id || v.subject?.name) lines.push(`${indent}Holder:  ${[v.subject.name, v.subject.id].filter(Boolean).join(' — ')}`);
  if (v.validFrom || v.validUntil) lines.push(`${indent}Valid:   from ${v.validFrom ?? 'unknown'} ${v.validUntil ? `until ${v.validUntil}` : '(no expiry)'}`);
  lines.push(`${indent}Steps:`);
  for (const c of v.checks) lines.push(`${indent}  ${mark(c)} ${c.id.padEnd(12)} ${c.message}${c.advisory ? ' (advisory)' : ''} [${c.code}]`);
  if (v.skills.length) {
    lines.push(`${indent}Skills it evidences:`);
    for (const s of v.skills.slice(0, 30)) lines.push(`${indent}  - ${s.text}${s.uri ? ` <${s.uri}>` : ''} (${s.provenance.replace(/_/g, ' ')})`);
  }
  for (const n of v.notes) lines.push(`${indent}Note: ${n}`);
  for (const n of v.nested) lines.push('', renderVerification(n, `${indent}    `));
  if (v.outcome === 'unverifiable') lines.push(`${indent}“Could not be verified” is not a pass: a check could not be made (offline, unsupported, no proof).`);
  return lines.join('\n');
}
