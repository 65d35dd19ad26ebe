import { toHex } from '../../core/verify/encoding.js';
import { asArray, isRecord, str } from '../../core/verify/read-credential.js';
import type { Check } from '../../core/verify/verification.js';

async function hashMatches(hashed: string, salt: string | null, value: string): Promise<boolean> {
  const [alg, expected] = hashed.includes('$') ? hashed.split('$', 2) : ['sha256', hashed];
  if (!expected || !/^(sha256|sha-256)$/i.test(alg ?? '')) return false;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(value + (salt ?? '')));
  return toHex(new Uint8Array(digest)) === expected.toLowerCase();
}

/** Identities a credential names for its holder: VC subject id, OB 3.0 identifiers, OB 2.0 recipient. */
function identities(doc: Record<string, unknown>): { identity: string; hashed: boolean; salt: string | null }[] {
  const out: { identity: string; hashed: boolean; salt: string | null }[] = [];
  for (const subject of asArray(doc.credentialSubject as unknown)) {
    if (!isRecord(subject)) continue;
    const id = str(subject.id);
    if (id) out.push({ identity: id, hashed: false, salt: null });
    for (const ident of asArray(subject.identifier as unknown)) {
      if (isRecord(ident) && str(ident.identityHash)) out.push({ identity: str(ident.identityHash)!, hashed: ident.hashed === true, salt: str(ident.salt) });
    }
  }
  if (isRecord(doc.recipient) && str(doc.recipient.identity)) {
    out.push({ identity: str(doc.recipient.identity)!, hashed: doc.recipient.hashed === true, salt: str(doc.recipient.salt) });
  }
  return out;
}

/** The optional recipient step: does the credential name this person (email, URL or DID; hashed identities too)? */
export async function checkRecipient(doc: Record<string, unknown>, recipient: string): Promise<Check> {
  const wanted = recipient.trim();
  const variants = [wanted, wanted.toLowerCase(), wanted.startsWith('mailto:') ? wanted.slice(7) : `mailto:${wanted}`];
  const base = { id: 'recipient', advisory: false };
  const ids = identities(doc);
  if (ids.length === 0) return { ...base, ok: null, code: 'recipient_not_stated', message: 'The credential names no recipient, so it cannot be tied to this person.' };
  for (const id of ids) {
    for (const v of variants) {
      if (id.hashed ? await hashMatches(id.identity, id.salt, v) : id.identity === v) {
        return { ...base, ok: true, code: 'recipient_match', message: `Issued to ${wanted}.` };
      }
    }
  }
  return { ...base, ok: false, code: 'recipient_mismatch', message: `The credential was not issued to ${wanted}.` };
}
