import { z } from 'zod';
import type { CredentialFormat } from './verification.js';

/** Loose shape of a W3C VC (1.1 or 2.0) as far as the verifier relies on it; everything else passes through. */
export const VcShapeSchema = z
  .object({
    '@context': z.union([z.string(), z.array(z.unknown())]),
    type: z.union([z.string(), z.array(z.string())]),
    issuer: z.union([z.string().min(1), z.object({ id: z.string().min(1) }).passthrough()]),
    credentialSubject: z.union([z.record(z.unknown()), z.array(z.record(z.unknown()))]),
    validFrom: z.string().optional(),
    validUntil: z.string().optional(),
    issuanceDate: z.string().optional(),
    expirationDate: z.string().optional(),
    proof: z.union([z.record(z.unknown()), z.array(z.record(z.unknown()))]).optional(),
    credentialStatus: z.union([z.record(z.unknown()), z.array(z.record(z.unknown()))]).optional(),
  })
  .passthrough();
export type VcShape = z.infer<typeof VcShapeSchema>;

export const VC1_CONTEXT = 'https://www.w3.org/2018/credentials/v1';
export const VC2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const OB2_CONTEXT = 'https://w3id.org/openbadges/v2';

export function asArray<T>(v: T | T[] | undefined | null): T[] {
  return v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v : null;
}

/** A display string from a plain string or a language map ({en: "..."}, ELM style). */
export function text(v: unknown, lang = 'en'): string | null {
  if (typeof v === 'string') return str(v);
  if (isRecord(v)) {
    const pick = v[lang] ?? v['@value'] ?? Object.values(v).find((x) => typeof x === 'string');
    return typeof pick === 'string' ? str(pick) : Array.isArray(pick) ? str(pick[0]) : null;
  }
  if (Array.isArray(v)) return text(v[0], lang);
  return null;
}

export function typesOf(doc: Record<string, unknown>): string[] {
  return asArray(doc.type as string | string[] | undefined).filter((t): t is string => typeof t === 'string');
}

export function contextsOf(doc: Record<string, unknown>): unknown[] {
  return asArray(doc['@context'] as unknown);
}

/** Which family a parsed JSON document belongs to, before any check. */
export function classifyCredential(doc: unknown): CredentialFormat {
  if (!isRecord(doc)) return 'unknown';
  if (typeof doc.payload === 'string' && Array.isArray(doc.signatures)) return 'edc-jades';
  const types = typesOf(doc);
  const contexts = contextsOf(doc);
  if (contexts.includes(OB2_CONTEXT) || types.includes('Assertion')) return 'ob2-hosted';
  if (types.includes('VerifiablePresentation')) return 'vp';
  if (types.includes('EuropeanDigitalCredential')) return 'edc';
  if (types.includes('ClrCredential')) return 'clr2';
  if (types.some((t) => t === 'OpenBadgeCredential' || t === 'AchievementCredential' || t === 'EndorsementCredential')) return 'ob3';
  if (contexts.includes(VC2_CONTEXT)) return 'vc2';
  if (contexts.includes(VC1_CONTEXT) || types.includes('VerifiableCredential')) return 'vc1';
  return 'unknown';
}

export function issuerOf(doc: Record<string, unknown>): { id: string | null; name: string | null } {
  const issuer = doc.issuer;
  if (typeof issuer === 'string') return { id: str(issuer), name: null };
  if (isRecord(issuer)) return { id: str(issuer.id), name: text(issuer.name) ?? text(issuer.legalName) };
  return { id: null, name: null };
}

export function subjectOf(doc: Record<string, unknown>): { id: string | null; name: string | null } | null {
  const subject = asArray(doc.credentialSubject as unknown)[0];
  if (!isRecord(subject)) return null;
  return { id: str(subject.id), name: text(subject.name) ?? text(subject.fullName) };
}

/** Achievement name (OB 3.0), claim title (ELM), or the credential's own name. */
export function titleOf(doc: Record<string, unknown>): string | null {
  const subject = asArray(doc.credentialSubject as unknown)[0];
  if (isRecord(subject)) {
    if (isRecord(subject.achievement)) return text(subject.achievement.name);
    const claim = asArray(subject.hasClaim as unknown)[0];
    if (isRecord(claim)) return text(claim.title) ?? text(doc.name);
  }
  return text(doc.name);
}
