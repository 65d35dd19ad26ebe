import { describe, expect, it } from 'vitest';
import { converse, lastCall } from '../../fixtures/agent/converse.js';
import { DATA_POSTING, DEVOPS_POSTING } from '../../fixtures/agent/fake-data.js';

const data = { text: DATA_POSTING };
const candidateLabels = (input: Record<string, unknown>) => (input.profile as { skills: { label: string }[] }).skills.map((c) => c.label);
const BADGE = JSON.stringify({ type: ['VerifiableCredential', 'OpenBadgeCredential'], skills: ['SQL', 'Python'], proof: {} });
const REVOKED = JSON.stringify({ type: ['VerifiableCredential'], revoked: true, skills: ['Excel'], proof: {} });

describe('recruiter conversations (offline engine)', () => {
  it('23 matches a candidate and names the missing skill', async () => {
    const r = await converse(data).say('The candidate has Python, SQL and Java. How well do they fit?');
    expect(r.tools).toEqual(['match_candidate']);
    expect(candidateLabels(lastCall(r, 'gap'))).toEqual(['Python (computer programming)', 'SQL', 'Java (computer programming)']);
    expect(r.text).toMatch(/covers 3 of 4 required skills \(75%\)/);
    expect(r.text).toMatch(/Missing: Microsoft Excel\./);
  });

  it('24 a second candidate replaces the first', async () => {
    const c = converse(data);
    await c.say('Candidate has Python and SQL');
    const r = await c.say('And a candidate with Excel and SQL?');
    expect(candidateLabels(lastCall(r, 'gap'))).toEqual(['Microsoft Excel', 'SQL']);
    expect(r.text).toMatch(/Missing: Python \(computer programming\) and Java/);
  });

  it('25 asks for skills when the candidate has none named', async () => {
    const r = await converse(data).say('How well does this candidate fit?');
    expect(r.tools).toEqual([]);
    expect(r.text).toMatch(/Tell me the candidate’s skills/);
  });

  it('26 verifies a valid badge and lists its skills', async () => {
    const r = await converse(data).say(`Is this badge valid? ${BADGE}`);
    expect(r.tools).toEqual(['verify_credential']);
    expect(r.text).toMatch(/^The credential is verified: every required check passed/);
    expect(r.text).toMatch(/Skills it proves: SQL and Python \(computer programming\)/);
  });

  it('27 reports a revoked credential with its code', async () => {
    const r = await converse(data).say(`Verify this credential: ${REVOKED}`);
    expect(r.text).toMatch(/NOT verified: The issuer revoked it\. \(revoked\)/);
    expect(r.text).toMatch(/Skills it claims: Microsoft Excel/);
  });

  it('28 asks for the credential when none is pasted', async () => {
    const r = await converse(data).say('Can you verify a credential for me?');
    expect(r.text).toMatch(/Paste the credential/);
  });

  it('29 why is Excel required, then why is Kubernetes missing', async () => {
    const c = converse(data);
    expect((await c.say('Why is Excel required?')).text).toMatch(/Microsoft Excel is listed as essential .*“You need advanced Excel skills\.”/);
    const r = await c.say('Why is Kubernetes missing?');
    expect(r.text).toMatch(/Kubernetes is not in the list because the posting does not mention it/);
  });

  it('30 finds the ESCO skill for some words', async () => {
    const r = await converse(null).say('Find the ESCO skill for container orchestration');
    expect(lastCall(r, 'searchSkills')).toMatchObject({ query: 'container orchestration' });
    expect(r.text).toMatch(/Closest ESCO skills to “container orchestration”: Kubernetes/);
  });

  it('31 German recruiter: Kandidat, then the skills of the posting', async () => {
    const c = converse({ text: DEVOPS_POSTING });
    const m = await c.say('Die Kandidatin kann Docker, Linux und Python');
    expect(m.text).toMatch(/^Die Person deckt 3 von 5 geforderten Kompetenzen ab/);
    expect(m.text).toMatch(/Es fehlen: cloud computing und teamwork principles/);
    const a = await c.say('Welche Fähigkeiten verlangt die Stelle?');
    expect(a.tools).toEqual(['analyze_posting']);
  });

  it('32 Spanish recruiter: candidato', async () => {
    const r = await converse(data).say('El candidato tiene Excel, SQL y Python');
    expect(r.text).toMatch(/^El candidato cubre 3 de 4 competencias requeridas \(75%\)\. Presentes: .* Faltan: Java \(computer programming\)\./);
  });

  it('33 matches a candidate by a verified credential', async () => {
    const r = await converse(data).say(`How well does the candidate fit with this badge? ${BADGE}`);
    expect(r.tools).toEqual(['match_candidate']);
    const input = lastCall(r, 'matchCandidate') as { credentials: { label: string; text: string }[] };
    expect(input.credentials).toEqual([{ label: 'credential 1', text: BADGE }]);
    expect(r.text).toMatch(/covers 2 of 4 required skills/);
    expect(r.text).toMatch(/Matched: SQL and Python \(computer programming\)\. Missing: Microsoft Excel and Java/);
  });
});
