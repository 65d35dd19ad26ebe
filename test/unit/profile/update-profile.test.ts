import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileProfileStore } from '../../../src/adapters/file-profile-store.js';
import { skillPhrases } from '../../../src/core/profile/skill-phrases.js';
import { updateProfile } from '../../../src/service/update-profile.js';
import { ESCO, fakeLinker } from '../catalog/fake-linker.js';

const FIX = join(import.meta.dirname, '..', '..', 'fixtures', 'profiles');
const store = () => new FileProfileStore(join(mkdtempSync(join(tmpdir(), 'sp-prof-')), 'profile.json'));

describe('profile', () => {
  it('reads skill lists from a CV, not prose', () => {
    const phrases = skillPhrases('Jane Doe\nSummary\nI like data.\n\nSkills\nSQL, Python (pandas) • Spreadsheet Software\nLanguages: English, Dutch\n\nExperience\nAnalyst, Acme, 2020–2024\nTools: Data Cleansing | Git');
    expect(phrases).toEqual(['SQL', 'Python', 'Spreadsheet Software', 'English', 'Dutch', 'Data Cleansing', 'Git']);
  });

  it('builds a profile from the example CV, a JSON Resume, a typed list and credentials; verified evidence wins', async () => {
    const s = store();
    const linkTexts = fakeLinker();
    const cv = readFileSync(join(FIX, 'example-cv.md'), 'utf8');
    let r = await updateProfile({ cvText: cv, name: 'Example Person' }, { store: s, linkTexts, now: () => '2026-01-01T00:00:00Z' });
    expect(r.profile.skills.map((x) => x.escoUri)).toEqual(expect.arrayContaining([ESCO.sql, ESCO.spreadsheets]));
    expect(r.profile.skills.every((x) => !x.verified)).toBe(true);
    r = await updateProfile(
      {
        jsonResume: { basics: { name: 'Ignored' }, skills: [{ name: 'Cloud Computing', keywords: ['Knitting'] }], certificates: [{ name: 'Some Cert', issuer: 'X' }] },
        skills: ['Python'],
        credentials: [
          { verified: true, title: 'SQL Basics Badge', skills: [{ uri: ESCO.sql }] },
          { verified: false, title: 'Unverified Cleansing', skills: [{ escoUri: ESCO.cleansing, label: 'perform data cleansing' }] },
        ],
      },
      { store: s, linkTexts },
    );
    const by = Object.fromEntries(r.profile.skills.map((x) => [x.escoUri, x]));
    expect(by[ESCO.sql]).toMatchObject({ verified: true, source: 'credential' });
    expect(by[ESCO.cleansing]).toMatchObject({ verified: false });
    expect(by[ESCO.cloud]).toMatchObject({ source: 'json-resume' });
    expect(by[ESCO.python]).toMatchObject({ source: 'manual' });
    expect(r.profile.name).toBe('Example Person');
    expect(r.unmapped).toContain('Knitting');
    expect(r.profile.credentials.map((c) => [c.title, c.verified])).toEqual(expect.arrayContaining([['Some Cert', false], ['SQL Basics Badge', true]]));
    expect(r.notes.join(' ')).toMatch(/did not pass verification/);
    expect((await s.load())?.skills.length).toBe(r.profile.skills.length);
  });

  it('the example profile fixture is a valid profile', async () => {
    const s = new FileProfileStore(join(FIX, 'example-profile.json'));
    const p = await s.load();
    expect(p?.skills.length).toBeGreaterThan(3);
  });

  it('a corrupt profile file is a DataError telling what to do', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sp-bad-'));
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'p.json'), '{"schemaVersion":"1.0","updatedAt":5}');
    await expect(new FileProfileStore(join(dir, 'p.json')).load()).rejects.toMatchObject({ code: 'profile_invalid' });
  });
});
