import { existsSync, readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { InputError } from '../../core/errors.js';
import type { Profile } from '../../core/profile/profile.js';
import type { UpdateProfileInput } from '../../service/update-profile.js';
import { readJsonFile, writeResult, type CredentialsFactory } from '../credentials-factory.js';
import { reportCliError } from '../errors.js';

const collect = (v: string, prev: string[] = []) => [...prev, ...v.split(',').map((s) => s.trim()).filter(Boolean)];

function renderProfile(p: Profile | null, format: 'text' | 'md'): string {
  if (!p) return 'No profile yet. Create one with: skillproof profile import --cv my-cv.txt\n';
  const li = format === 'md' ? '- ' : '  ';
  const out = [format === 'md' ? `## Profile: ${p.name ?? 'unnamed'}` : `Profile: ${p.name ?? 'unnamed'} (updated ${p.updatedAt})`, ''];
  out.push(`Skills (${p.skills.length}, ${p.skills.filter((s) => s.verified).length} verified):`);
  for (const s of p.skills) out.push(`${li}${s.label}${s.verified ? ' ✔ verified' : ''}  [${s.source}${s.evidence ? `: ${s.evidence}` : ''}]`);
  if (p.credentials.length) out.push('', `Credentials (${p.credentials.length}):`, ...p.credentials.map((c) => `${li}${c.title}${c.issuer ? ` — ${c.issuer}` : ''}${c.verified ? ' ✔ verified' : ' (not verified)'}`));
  if (p.unmapped.length) out.push('', `Not mapped to ESCO: ${p.unmapped.join(', ')}`);
  return `${out.join('\n')}\n`;
}

/** `skillproof profile import|show`: the local profile (a file on this machine only). */
export function registerProfileCommand(program: Command, getCredentials: CredentialsFactory): void {
  const profile = program.command('profile').description('Your skills profile, kept locally: import a CV, JSON Resume, skills or credentials');
  profile
    .command('import')
    .description('Add skills from a CV (text, Markdown or PDF), a JSON Resume, typed skills, ESCO URIs or verified credentials')
    .option('--cv <file>', 'CV as .txt/.md or .pdf')
    .option('--json-resume <file>', 'JSON Resume file')
    .option('--skill <names>', 'skills in your own words (comma-separated, repeatable)', collect)
    .option('--esco <uris>', 'ESCO skill URIs (comma-separated, repeatable)', collect)
    .option('--credential <file>', 'a verification result JSON ({verified, skills[{uri}]}), repeatable', (v: string, p: string[] = []) => [...p, v])
    .option('--name <name>', 'name shown on the profile')
    .option('--replace', 'start a new profile instead of adding to the current one')
    .option('--min-score <x>', 'lowest linker score accepted (0–1)', Number)
    .option('--json', 'print the result as JSON')
    .option('--format <format>', 'text (default) or md')
    .action(async (o: { cv?: string; jsonResume?: string; skill?: string[]; esco?: string[]; credential?: string[]; name?: string; replace?: boolean; minScore?: number; json?: boolean; format?: string }) => {
      try {
        const input: UpdateProfileInput = { name: o.name, skills: o.skill, escoUris: o.esco, replace: o.replace, minScore: o.minScore };
        if (o.cv) {
          if (!existsSync(o.cv)) throw new InputError('file_not_found', `No CV file "${o.cv}".`);
          const bytes = readFileSync(o.cv);
          if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') input.cvPdf = new Uint8Array(bytes);
          else input.cvText = bytes.toString('utf8');
        }
        if (o.jsonResume) input.jsonResume = readJsonFile(o.jsonResume, 'JSON Resume');
        if (o.credential) input.credentials = o.credential.map((f) => readJsonFile(f, 'credential verification') as NonNullable<UpdateProfileInput['credentials']>[number]);
        if (!o.cv && !o.jsonResume && !o.skill && !o.esco && !o.credential) throw new InputError('nothing_to_import', 'Give at least one of --cv, --json-resume, --skill, --esco or --credential.');
        const r = await getCredentials({ progress: !o.json }).updateProfile(input);
        writeResult(r, o, (v, f) => `Added ${v.added.length} skill(s); ${v.unmapped.length} not mapped.\n${v.notes.map((n) => `Note: ${n}\n`).join('')}\n${renderProfile(v.profile, f)}`);
      } catch (e) {
        reportCliError(e);
      }
    });
  profile
    .command('show')
    .description('Show the stored profile')
    .option('--json', 'print the profile as JSON')
    .option('--format <format>', 'text (default) or md')
    .action(async (o: { json?: boolean; format?: string }) => {
      try {
        writeResult(await getCredentials().getProfile(), o, renderProfile);
      } catch (e) {
        reportCliError(e);
      }
    });
}
