import { describe, expect, it } from 'vitest';
import { extractSlots } from '../../../src/agent/offline/extract-slots.js';
import { recognizeIntent } from '../../../src/agent/offline/recognize-intent.js';
import { guessLanguage, splitList } from '../../../src/agent/offline/text.js';

describe('intent recognition', () => {
  const cases: [string, string][] = [
    ['What skills does this job need?', 'analyze'],
    ['Welche Fähigkeiten verlangt die Stelle?', 'analyze'],
    ['Quelles compétences pour ce poste ?', 'analyze'],
    ['¿Qué me falta para este trabajo?', 'gap'],
    ['Was fehlt mir?', 'gap'],
    ['Quels cours dois-je suivre ?', 'plan'],
    ['¿Qué cursos debería hacer?', 'plan'],
    ['cheaper?', 'refine_plan'],
    ['only online', 'refine_plan'],
    ["I don't want AWS", 'refine_plan'],
    ['I already have Python', 'held'],
    ['Why is Kubernetes missing?', 'explain_missing'],
    ['Warum fehlt Kubernetes?', 'explain_missing'],
    ['What does EQF 5 mean?', 'eqf'],
    ['Was bedeutet EQF 4?', 'eqf'],
    ['Only EQF level 4 courses', 'refine_plan'],
    ['only verifiable', 'refine_plan'],
    ['Write my cover letter', 'unsupported'],
    ['Bonjour', 'help'],
  ];
  it.each(cases)('%s → %s', async (message, intent) => {
    expect((await recognizeIntent(message)).intent).toBe(intent);
  });

  it('uses exemplar similarity when no rule fires', async () => {
    const g = await recognizeIntent('wobei kannst du helfen');
    expect(g).toMatchObject({ intent: 'help', via: 'similarity' });
  });

  it('uses an embedding model when given one', async () => {
    // A toy embedder: one dimension per intent keyword, so "fit" lands on the match exemplars.
    const embed = async (texts: string[]) => texts.map((t) => [/fit|passt|correspond|encaja/.test(t) ? 1 : 0, /help|helfen/.test(t) ? 1 : 0]);
    const g = await recognizeIntent('does this person fit', embed);
    expect(g).toMatchObject({ intent: 'match', via: 'embedding' });
  });
});

describe('slot filling', () => {
  it('reads budgets, hours, language, mode and verifiability in four languages', () => {
    expect(extractSlots('Courses under 300 euros, at most 40 hours, online, in German').constraints).toEqual({
      budget: 300, maxHours: 40, mode: 'online', language: 'de',
    });
    expect(extractSlots('Kurse bis 200 € und nur verifizierbare').constraints).toMatchObject({ budget: 200, verifiableOnly: true });
    expect(extractSlots('moins de 150 euros, en ligne, en français').constraints).toMatchObject({ budget: 150, mode: 'online', language: 'fr' });
    expect(extractSlots('menos de 100 euros y presencial').constraints).toMatchObject({ budget: 100, mode: 'onsite' });
  });

  it('reads corrections: providers, held skills, candidates and the skill asked about', () => {
    expect(extractSlots("I don't want AWS").constraints.excludeProviders).toEqual(['aws']);
    expect(extractSlots('only from Microsoft').constraints.providers).toEqual(['microsoft']);
    expect(extractSlots('I already have Python, SQL and Docker').held).toEqual(['Python', 'SQL', 'Docker']);
    expect(extractSlots('The candidate knows Java and Excel').candidate).toEqual(['Java', 'Excel']);
    expect(extractSlots('Why is Kubernetes missing?').skill).toBe('Kubernetes');
    expect(extractSlots('Warum fehlt Kubernetes?').skill).toBe('Kubernetes');
    expect(extractSlots('cheaper?').cheaper).toBe(true);
    expect(extractSlots('schneller?').faster).toBe(true);
  });

  it('splits lists and guesses the language', () => {
    expect(splitList('Python, SQL und Docker')).toEqual(['Python', 'SQL', 'Docker']);
    expect(guessLanguage('Was fehlt mir für die Stelle?')).toBe('de');
    expect(guessLanguage('Pourquoi Kubernetes manque ?')).toBe('fr');
  });
});
