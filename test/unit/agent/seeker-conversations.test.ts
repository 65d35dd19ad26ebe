import { describe, expect, it } from 'vitest';
import { converse, lastCall } from '../../fixtures/agent/converse.js';
import { DEVOPS_POSTING } from '../../fixtures/agent/fake-data.js';

const devops = { text: DEVOPS_POSTING };
type Held = { profile: { skills: { label: string }[] } };
const heldLabels = (input: Record<string, unknown>) => (input as unknown as Held).profile.skills.map((h) => h.label);
const constraints = (input: Record<string, unknown>) => input.constraints as Record<string, unknown>;

describe('job seeker conversations (offline engine)', () => {
  it('1 lists the skills of the posting', async () => {
    const c = converse(devops);
    const r = await c.say('What skills does this job need?');
    expect(r.tools).toEqual(['analyze_posting']);
    expect(r.text).toMatch(/Essential: Python \(computer programming\), Docker, cloud computing and Linux\./);
    expect(r.text).toMatch(/Optional: teamwork principles/);
  });

  it('2 gap, then "I already have Python" re-runs the gap without it', async () => {
    const c = converse(devops);
    expect((await c.say('What am I missing for this job?')).text).toMatch(/Missing essential skills: Python \(computer programming\), Docker/);
    const r = await c.say('I already have Python');
    expect(r.tools).toEqual(['gap']);
    expect(heldLabels(lastCall(r, 'gap'))).toEqual(['Python (computer programming)']);
    expect(r.text).toMatch(/Missing essential skills: Docker, cloud computing and Linux/);
    expect(r.text).toMatch(/Already covered: Python/);
  });

  it('3 plan, then "cheaper?" says no complete plan is cheaper', async () => {
    const c = converse(devops);
    const p = await c.say('Which courses should I take?');
    expect(p.text).toMatch(/for €169 and 117 hours/);
    expect(p.text).toMatch(/Python for Everybody — University of Michigan, €0/);
    const r = await c.say('cheaper?');
    expect(constraints(lastCall(r, 'plan')).budget).toBeCloseTo(168.99);
    expect(r.text).toMatch(/No plan closes every essential skill/);
    expect(r.text).toMatch(/The cheapest complete plan costs €169/);
  });

  it('4 "only verifiable credentials" swaps the unverifiable courses', async () => {
    const c = converse(devops);
    await c.say('Which credentials close my gap?');
    const r = await c.say('only verifiable credentials please');
    expect(constraints(lastCall(r, 'plan')).verifiableOnly).toBe(true);
    expect(r.text).toMatch(/PCEP Certified Entry-Level Python Programmer/);
    expect(r.text).toMatch(/LPI Linux Essentials/);
    expect(r.text).not.toMatch(/Python for Everybody/);
  });

  it('5 "I don\'t want AWS" excludes the provider', async () => {
    const c = converse(devops);
    expect((await c.say('Which courses should I take?')).text).toMatch(/AWS Certified Cloud Practitioner/);
    const r = await c.say("I don't want AWS");
    expect(constraints(lastCall(r, 'plan')).excludeProviders).toEqual(['aws']);
    expect(r.text).toMatch(/Microsoft Azure Fundamentals/);
    expect(r.text).not.toMatch(/AWS Certified/);
  });

  it('6 "in German" shows what cannot be covered', async () => {
    const c = converse(devops);
    await c.say('Which courses should I take?');
    const r = await c.say('Only courses in German');
    expect(constraints(lastCall(r, 'plan')).language).toBe('de');
    expect(r.text).toMatch(/No plan closes every essential skill/);
    expect(r.text).toMatch(/Still uncovered: Python \(computer programming\)/);
  });

  it('7 "why is Kubernetes missing?" explains it is mentioned but not a requirement', async () => {
    const c = converse(devops);
    await c.say('What skills does this job need?');
    const r = await c.say('Why is Kubernetes missing?');
    expect(r.tools).toEqual(['explain_match']);
    expect(r.text).toMatch(/Kubernetes is not in the list: the posting mentions it only in “Our platform runs on Kubernetes/);
  });

  it('8 "why is Docker required?" quotes the sentence', async () => {
    const c = converse(devops);
    const r = await c.say('Why is Docker required?');
    expect(r.text).toMatch(/Docker is listed as essential .* “You must know Docker and containers\.”/);
  });

  it('9 "what does EQF 5 mean?" explains level 5 only', async () => {
    const r = await converse(devops).say('What does EQF 5 mean?');
    expect(r.tools).toEqual(['credential_elements']);
    expect(r.text).toMatch(/^Level 5 — comprehensive, specialised knowledge/);
    expect(r.text).not.toMatch(/Level 6/);
  });

  it('10 explains the EU micro-credential elements', async () => {
    const r = await converse(null).say('What must a micro-credential contain?');
    expect(r.text).toMatch(/learning outcomes/);
    expect(r.text).toMatch(/awarding body/);
    expect(r.text).toMatch(/type of quality assurance/);
  });

  it('11 German: plan, then "Ich habe schon Python"', async () => {
    const c = converse(devops);
    expect((await c.say('Welche Kurse soll ich machen?')).tools).toContain('plan_credentials');
    const r = await c.say('Ich habe schon Python');
    expect(r.tools).toContain('plan_credentials');
    expect(r.text).toMatch(/^Dieser Plan schließt Ihre Lücke für €169/);
    expect(r.text).not.toMatch(/Python for Everybody/);
    expect(r.text).toMatch(/Introduction to Containers with Docker/);
  });

  it('12 French: gap, then "J\'ai déjà Docker et Linux"', async () => {
    const c = converse(devops);
    expect((await c.say("Qu'est-ce qui me manque pour ce poste ?")).tools).toEqual(['gap']);
    const r = await c.say("J'ai déjà Docker et Linux");
    expect(heldLabels(lastCall(r, 'gap'))).toEqual(['Docker', 'Linux']);
    expect(r.text).toMatch(/Compétences indispensables manquantes: Python \(computer programming\) et cloud computing\./);
  });

  it('13 Spanish: a budget of 150 euros leaves cloud computing uncovered', async () => {
    const r = await converse(devops).say('¿Qué cursos debería hacer con un presupuesto de 150 euros?');
    expect(constraints(lastCall(r, 'plan')).budget).toBe(150);
    expect(r.text).toMatch(/^Ningún plan cubre todas las competencias imprescindibles/);
    expect(r.text).toMatch(/Sin cubrir: cloud computing/);
    expect(r.text).toMatch(/cheapest complete plan costs €169/);
  });

  it('14 budget and hours together', async () => {
    const r = await converse(devops).say('Which courses under 250 euros and at most 100 hours?');
    expect(constraints(lastCall(r, 'plan'))).toMatchObject({ budget: 250, maxHours: 100 });
    expect(r.text).toMatch(/for €228 and 87 hours/);
    expect(r.text).toMatch(/PCEP/);
  });

  it('15 "faster?" lowers the hours below the last plan', async () => {
    const c = converse(devops);
    await c.say('Which courses should I take?');
    const r = await c.say('faster?');
    expect(constraints(lastCall(r, 'plan')).maxHours).toBe(116);
    expect(r.text).toMatch(/for €179 and 112 hours/);
    expect(r.text).toMatch(/Microsoft Azure Fundamentals/);
  });

  it('16 "only EQF level 4 courses" constrains the level', async () => {
    const c = converse(devops);
    await c.say('Which courses should I take?');
    const r = await c.say('Only EQF level 4 courses');
    expect(constraints(lastCall(r, 'plan')).eqfLevel).toBe(4);
    expect(r.text).toMatch(/LPI Linux Essentials/);
    expect(r.text).not.toMatch(/OpenClassrooms/);
  });

  it('17 corrections persist across unrelated questions; "start over" forgets them', async () => {
    const c = converse(devops);
    await c.say('Which courses should I take?');
    await c.say("I don't want AWS");
    await c.say('What does EQF 5 mean?');
    const again = await c.say('Which courses should I take now?');
    expect(again.text).not.toMatch(/AWS Certified/);
    await c.say('start over');
    expect((await c.say('Which courses should I take?')).text).toMatch(/AWS Certified Cloud Practitioner/);
  });

  it('18 held skills given with the question are used at once', async () => {
    const r = await converse(devops).say('I already have Python and Docker, which courses should I take?');
    expect(r.text).toMatch(/AWS Certified Cloud Practitioner/);
    expect(r.text).not.toMatch(/Docker|Python for Everybody/);
  });

  it('19 says plainly what it cannot do', async () => {
    const c = converse(devops);
    expect((await c.say('Please apply for this job for me')).text).toMatch(/^I can’t do that/);
    expect((await c.say('hello')).text).toMatch(/I can list the skills a posting asks for/);
    expect((await c.say('qwertzuiop asdf')).text).toMatch(/^I did not understand that/);
  });

  it('20 without a posting it asks for one', async () => {
    const r = await converse(null).say('What skills does this job need?');
    expect(r.text).toMatch(/No posting yet/);
  });

  it('21 a missing capability is reported as not available', async () => {
    const r = await converse(devops, { without: ['plan'] }).say('Which courses should I take?');
    expect(r.text).toMatch(/^not available yet/);
  });

  it('22 explains ECTS and verifiable credentials', async () => {
    const c = converse(null);
    expect((await c.say('What is ECTS?')).text).toMatch(/25–30 hours/);
    expect((await c.say('What is a verifiable credential?')).text).toMatch(/signed by the issuer/);
  });

  it('23 follow-ups reuse the posting analysis', async () => {
    const c = converse(devops);
    const turns = [await c.say('Which courses should I take?'), await c.say('cheaper?'), await c.say('Why is Kubernetes missing?')];
    expect(turns.map((t) => t.calls.filter((x) => x.name === 'analyze').length)).toEqual([1, 0, 0]);
  });
});
