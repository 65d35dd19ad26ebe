import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { getTool, TOOL_NAMES, TOOLS } from '../../../src/agent/tools/index.js';
import { createFakeService } from '../../fixtures/agent/fake-service.js';
import { DEVOPS_POSTING } from '../../fixtures/agent/fake-data.js';

const TOOLS_DIR = fileURLToPath(new URL('../../../src/agent/tools/', import.meta.url));
const HELPERS = new Set(['index.ts', 'tool-types.ts', 'skill-refs.ts']);

function fieldsOf(schema: z.ZodTypeAny): Record<string, z.ZodTypeAny> {
  let s: z.ZodTypeAny = schema;
  while (s instanceof z.ZodEffects) s = s.innerType();
  return s instanceof z.ZodObject ? (s.shape as Record<string, z.ZodTypeAny>) : {};
}

describe('tool registry', () => {
  it('registers every tool file, named after it in snake_case', async () => {
    const files = readdirSync(TOOLS_DIR).filter((f) => f.endsWith('.ts') && !HELPERS.has(f));
    expect(files.length).toBe(8);
    for (const f of files) {
      const mod = (await import(`${TOOLS_DIR}${f}`)) as Record<string, { name?: string }>;
      const exported = Object.values(mod).find((v) => typeof v === 'object' && v && 'invoke' in v);
      expect(exported, f).toBeDefined();
      expect(exported!.name).toBe(f.replace('.ts', '').replaceAll('-', '_'));
      expect(TOOLS[exported!.name!]).toBe(exported);
    }
  });

  it('documents the tool and every field', () => {
    for (const name of TOOL_NAMES) {
      const tool = TOOLS[name]!;
      expect(tool.description.length, name).toBeGreaterThan(30);
      const fields = Object.entries(fieldsOf(tool.schema));
      expect(fields.length, name).toBeGreaterThan(0);
      for (const [field, schema] of fields) expect(schema.description, `${name}.${field}`).toBeTruthy();
    }
  });

  it('is frozen and lists valid names for an unknown tool', () => {
    expect(Object.isFrozen(TOOLS)).toBe(true);
    expect(() => getTool('rm_rf')).toThrow(/Valid tools: analyze_posting, search_skills/);
    expect(() => getTool('toString')).toThrow(/Unknown tool/);
  });

  it('returns {error} instead of throwing', async () => {
    const service = createFakeService({ without: ['plan'] });
    expect(await getTool('search_skills').invoke({ k: 3 }, { service })).toHaveProperty('error');
    expect(await getTool('plan_credentials').invoke({}, { service, posting: { text: DEVOPS_POSTING } })).toEqual({
      error: expect.stringMatching(/^not available yet/),
    });
    expect(await getTool('analyze_posting').invoke({ postingText: '  ' }, { service })).toEqual({ error: 'The posting is empty.' });
    expect(await getTool('gap').invoke({}, { service })).toEqual({ error: expect.stringMatching(/No posting yet/) });
  });

  it('runs each tool against the fake service', async () => {
    const ctx = { service: createFakeService(), posting: { text: DEVOPS_POSTING }, analyses: new Map() };
    const a = (await getTool('analyze_posting').invoke({}, ctx)) as Record<string, unknown>;
    expect((a.skills as { label: string }[]).map((s) => s.label)).toContain('Docker');
    const p = (await getTool('plan_credentials').invoke({ heldSkills: ['python'], verifiableOnly: true }, ctx)) as Record<string, unknown>;
    expect((p.items as { title: string }[]).map((i) => i.title)).toEqual(
      expect.arrayContaining(['AWS Certified Cloud Practitioner', 'LPI Linux Essentials']),
    );
    const e = (await getTool('explain_match').invoke({ skill: 'Kubernetes' }, ctx)) as Record<string, unknown>;
    expect(e.status).toBe('mentioned_not_linked');
    const q = (await getTool('credential_elements').invoke({ topic: 'eqf', eqfLevel: 5 }, ctx)) as Record<string, unknown>;
    expect(String((q.levels as string[])[0])).toMatch(/^Level 5/);
  });
});
