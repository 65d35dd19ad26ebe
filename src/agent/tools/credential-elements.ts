import { z } from 'zod';
import { defineTool } from './tool-types.js';

// Written for SkillProof in plain words, after the EU Council Recommendation of 16 June 2022 on micro-credentials
// and the European Qualifications Framework (EQF) level descriptors.
const EU_ELEMENTS: readonly { element: string; meaning: string }[] = [
  { element: 'learner identification', meaning: 'who earned it' },
  { element: 'title', meaning: 'the name of the micro-credential' },
  { element: 'country or region of the issuer', meaning: 'where the awarding body is based' },
  { element: 'awarding body', meaning: 'the organisation that issues it and answers for it' },
  { element: 'date of issuing', meaning: 'when it was awarded' },
  { element: 'learning outcomes', meaning: 'what the holder can now know, understand and do' },
  { element: 'notional workload', meaning: 'how much study it takes, in ECTS credits where possible (1 ECTS ≈ 25–30 hours)' },
  { element: 'level', meaning: 'its EQF level (1–8) or national qualification level, if any' },
  { element: 'type of assessment', meaning: 'how the outcomes were checked: exam, project, portfolio, none' },
  { element: 'form of participation', meaning: 'online, on site or blended' },
  { element: 'type of quality assurance', meaning: 'who checks the quality of the course and its assessment' },
];
const EU_OPTIONAL: readonly string[] = [
  'prerequisites',
  'supervision and identity checks during assessment',
  'grade achieved',
  'how it stacks or counts towards a larger qualification',
  'further information',
];

const EQF: readonly string[] = [
  'Level 1 — basic general knowledge; simple tasks done under direct supervision.',
  'Level 2 — basic factual knowledge of a field; routine tasks with simple tools, some autonomy under supervision.',
  'Level 3 — knowledge of facts, principles and general concepts; completing tasks and adapting to solve problems.',
  'Level 4 — broad factual and theoretical knowledge; self-managed work in predictable settings, supervising others’ routine work (e.g. upper-secondary vocational diplomas).',
  'Level 5 — comprehensive, specialised knowledge and awareness of its limits; creative solutions to abstract problems, managing and reviewing own and others’ work (e.g. short-cycle higher education, advanced vocational certificates).',
  'Level 6 — advanced knowledge with critical understanding; solving complex, unpredictable problems and taking responsibility for decisions (e.g. bachelor’s degree).',
  'Level 7 — highly specialised knowledge, some at the forefront of a field; new approaches and strategic responsibility (e.g. master’s degree).',
  'Level 8 — knowledge at the most advanced frontier; original research and innovation (e.g. doctorate).',
];

const VC_NOTE =
  'A verifiable credential (Open Badges 3.0 or European Digital Credentials) is signed by the issuer, so anyone can ' +
  'check who issued it, that it was not altered, and whether it was revoked or expired — without calling the issuer.';

/** credential_elements: reference knowledge about micro-credentials, EQF levels, ECTS and verifiable credentials. */
export const credentialElements = defineTool({
  name: 'credential_elements',
  description:
    'Explain the EU mandatory elements of a micro-credential, what an EQF level means (1–8), what ECTS measures, and ' +
    'what a verifiable credential is. Reference knowledge; no posting needed.',
  schema: z.object({
    topic: z.enum(['micro-credential-elements', 'eqf', 'ects', 'verifiable-credentials']).describe('What to explain'),
    eqfLevel: z.number().int().min(1).max(8).optional().describe('With topic "eqf": the level to explain; omit for all'),
  }),
  async run(args) {
    switch (args.topic) {
      case 'micro-credential-elements':
        return { mandatory: EU_ELEMENTS, optional: EU_OPTIONAL };
      case 'eqf':
        return { levels: args.eqfLevel ? [EQF[args.eqfLevel - 1]!] : EQF };
      case 'ects':
        return { text: 'ECTS credits measure notional workload: one credit is about 25–30 hours of study; a full-time academic year is 60 credits.' };
      case 'verifiable-credentials':
        return { text: VC_NOTE };
    }
  },
});
