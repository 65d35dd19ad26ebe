import { z } from 'zod';

// JSON Resume (jsonresume.org schema v1): only the parts that name skills or credentials.
const JsonResumeSchema = z
  .object({
    basics: z.object({ name: z.string().optional() }).passthrough().optional(),
    skills: z.array(z.object({ name: z.string().optional(), keywords: z.array(z.string()).optional() }).passthrough()).optional(),
    certificates: z.array(z.object({ name: z.string().optional(), issuer: z.string().optional(), date: z.string().optional() }).passthrough()).optional(),
    work: z.array(z.object({ highlights: z.array(z.string()).optional(), summary: z.string().optional() }).passthrough()).optional(),
  })
  .passthrough();

export interface JsonResumeParts {
  name: string | null;
  skillTexts: string[];
  certificates: { title: string; issuer: string | null; date: string | null }[];
  /** Work summaries and highlights, for the prose skill extractor. */
  prose: string;
}

/** Read the skill-bearing parts of a JSON Resume; null when the value is not one. */
export function readJsonResume(json: unknown): JsonResumeParts | null {
  const r = JsonResumeSchema.safeParse(json);
  if (!r.success || (!r.data.skills && !r.data.certificates && !r.data.work && !r.data.basics)) return null;
  const d = r.data;
  const skillTexts = (d.skills ?? []).flatMap((s) => [s.name ?? '', ...(s.keywords ?? [])]).map((s) => s.trim()).filter(Boolean);
  return {
    name: d.basics?.name ?? null,
    skillTexts: [...new Set(skillTexts)],
    certificates: (d.certificates ?? []).filter((c) => c.name).map((c) => ({ title: c.name!, issuer: c.issuer ?? null, date: c.date ?? null })),
    prose: (d.work ?? []).flatMap((w) => [w.summary ?? '', ...(w.highlights ?? [])]).filter(Boolean).join('\n'),
  };
}
