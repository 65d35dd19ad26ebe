import { z } from 'zod';

/** Where a skill on a credential comes from: the issuer said so, or SkillProof inferred it from free text. */
export const SkillProvenanceSchema = z.enum(['declared', 'inferred']);
export type SkillProvenance = z.infer<typeof SkillProvenanceSchema>;

export const CredentialSkillSchema = z.object({
  uri: z.string().url(),
  label: z.string(),
  provenance: SkillProvenanceSchema,
  /** 1 for declared skills; the linker's score for inferred ones. */
  confidence: z.number().min(0).max(1),
  /** The issuer's own words the skill was mapped from, when inferred. */
  sourceText: z.string().nullable().default(null),
});
export type CredentialSkill = z.infer<typeof CredentialSkillSchema>;

export const ModeSchema = z.enum(['online', 'onsite', 'hybrid']);
export type Mode = z.infer<typeof ModeSchema>;

export const VerifiableFormatSchema = z.enum(['ob3', 'edc', 'none', 'unknown']);
export type VerifiableFormat = z.infer<typeof VerifiableFormatSchema>;

/** A value the issuer stated, or one SkillProof estimated (e.g. hours from "1 - 3 Months"). */
export const BasisSchema = z.enum(['declared', 'estimated']);

export const CostSchema = z.object({
  amount: z.number().nonnegative(),
  currency: z.string().regex(/^[A-Z]{3}$/),
  free: z.boolean(),
  basis: BasisSchema.default('declared'),
  note: z.string().nullable().default(null),
});
export type Cost = z.infer<typeof CostSchema>;

export const WorkloadSchema = z.object({
  hours: z.number().nonnegative().nullable(),
  ects: z.number().nonnegative().nullable(),
  basis: BasisSchema.default('declared'),
});
export type Workload = z.infer<typeof WorkloadSchema>;

export const EntrySourceSchema = z.object({ format: z.string(), ref: z.string() });

/**
 * One credential on offer (a course, certificate, badge, micro-credential), described with the mandatory elements of
 * the EU Council Recommendation on micro-credentials (2022, Annex I) plus what learners compare on.
 */
export const CredentialEntrySchema = z.object({
  id: z.string().min(1),
  // EU mandatory elements
  title: z.string().min(1),
  awardingBody: z.array(z.string()).default([]),
  /** ISO 3166-1 alpha-2 of the awarding body. */
  country: z.string().regex(/^[A-Z]{2}$/).nullable().default(null),
  /** When the offering was issued or published (ISO date). */
  dateOfIssue: z.string().nullable().default(null),
  learningOutcomes: z.array(z.string()).default([]),
  workload: WorkloadSchema.default({ hours: null, ects: null, basis: 'declared' }),
  eqfLevel: z.number().int().min(1).max(8).nullable().default(null),
  assessment: z.string().nullable().default(null),
  participation: z.string().nullable().default(null),
  qualityAssurance: z.string().nullable().default(null),
  // What learners compare on
  provider: z.string().nullable().default(null),
  credentialType: z.string().nullable().default(null),
  cost: CostSchema.nullable().default(null),
  durationText: z.string().nullable().default(null),
  /** ISO 639-1 codes. */
  languages: z.array(z.string().regex(/^[a-z]{2}$/)).default([]),
  mode: ModeSchema.nullable().default(null),
  prerequisites: z.array(z.string()).default([]),
  /** Titles or ids of larger credentials this one counts towards. */
  stackableInto: z.array(z.string()).default([]),
  verifiableFormat: VerifiableFormatSchema.default('unknown'),
  url: z.string().url().nullable().default(null),
  skills: z.array(CredentialSkillSchema).default([]),
  /** Free-text skills the linker could not map at the chosen threshold. */
  unmappedSkills: z.array(z.string()).default([]),
  rating: z.number().min(0).max(5).nullable().default(null),
  sources: z.array(EntrySourceSchema).default([]),
});
export type CredentialEntry = z.infer<typeof CredentialEntrySchema>;
export type CredentialEntryInput = z.input<typeof CredentialEntrySchema>;

/** A parsed entry before ESCO mapping: free-text skills still to be linked. */
export type DraftEntry = Omit<CredentialEntryInput, 'id'> & { id?: string; skillTexts?: string[] };

export const CATALOG_SCHEMA_VERSION = '1.0';

/** SkillProof's own catalogue file format. */
export const CatalogFileSchema = z.object({
  schemaVersion: z.literal(CATALOG_SCHEMA_VERSION),
  name: z.string().optional(),
  description: z.string().optional(),
  entries: z.array(z.unknown()),
});
export type CatalogFile = z.infer<typeof CatalogFileSchema>;
