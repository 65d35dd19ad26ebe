import { checkValidity } from '../../core/verify/check-validity.js';
import { utf8 } from '../../core/verify/encoding.js';
import { asArray, issuerOf, isRecord, str, typesOf } from '../../core/verify/read-credential.js';
import { readStatusBit } from '../../core/verify/status-bit.js';
import { StepLog } from '../../core/verify/step-log.js';
import type { Check } from '../../core/verify/verification.js';
import { verifyDataIntegrity } from './verify-data-integrity.js';
import type { VerifyDeps } from './verify-deps.js';

const LIST_TYPES: Record<string, { credential: string; subject: string }> = {
  BitstringStatusListEntry: { credential: 'BitstringStatusListCredential', subject: 'BitstringStatusList' },
  StatusList2021Entry: { credential: 'StatusList2021Credential', subject: 'StatusList2021' },
};

const step = (ok: boolean | null, code: string, message: string): Check => ({ id: 'status', ok, code, message, advisory: false });

/** Fetch and check a status list credential: it must be the right type, signed, and within its own validity window. */
async function loadStatusList(url: string, kind: { credential: string; subject: string }, deps: VerifyDeps): Promise<{ subject: Record<string, unknown> } | { check: Check }> {
  const fail = (ok: boolean | null, code: string, message: string) => ({ check: step(ok, code, message) });
  let doc: unknown;
  try {
    const res = await deps.fetcher.fetch(url, { accept: 'application/vc+ld+json, application/json', maxBytes: 2 * 1024 * 1024 });
    if (res.status !== 200) return fail(null, 'status_unreachable', `The status list ${url} answered HTTP ${res.status}; revocation could not be checked.`);
    doc = JSON.parse(utf8(res.body));
  } catch (e) {
    const code = (e as { code?: string }).code ?? 'parse_error';
    return fail(null, 'status_unreachable', `The status list ${url} could not be loaded (${code}); revocation could not be checked.`);
  }
  if (!isRecord(doc)) return fail(null, 'status_list_invalid', `The status list at ${url} is not a JSON object.`);
  const subject = asArray(doc.credentialSubject as unknown)[0];
  if (!typesOf(doc).includes(kind.credential) || !isRecord(subject) || !typesOf(subject).includes(kind.subject)) {
    return fail(null, 'status_list_invalid', `The status list at ${url} is not a ${kind.credential}; revocation could not be checked.`);
  }
  const log = new StepLog();
  await verifyDataIntegrity(doc, issuerOf(doc).id, deps, log);
  log.add(checkValidity(str(doc.validFrom) ?? str(doc.issuanceDate), str(doc.validUntil) ?? str(doc.expirationDate), deps.now?.() ?? new Date()));
  if (log.outcome !== 'verified') {
    const bad = log.checks.find((c) => !c.advisory && c.ok !== true);
    return fail(null, 'status_list_unverified', `The status list at ${url} failed its own checks (${bad?.code ?? 'no proof'}); revocation could not be checked.`);
  }
  return { subject };
}

/**
 * The status step(s) for a credential's `credentialStatus` (BitstringStatusList, StatusList2021): one check per entry.
 * Returns a single passing check when there is no status entry (nothing to revoke against).
 */
export async function checkCredentialStatus(doc: Record<string, unknown>, deps: VerifyDeps): Promise<Check[]> {
  const entries = asArray(doc.credentialStatus as unknown);
  if (entries.length === 0) return [step(true, 'no_status', 'The issuer published no revocation status for this credential.')];
  const checks: Check[] = [];
  for (const entry of entries.slice(0, 8)) {
    if (!isRecord(entry)) {
      checks.push(step(false, 'status_entry_malformed', 'A credentialStatus entry is not an object.'));
      continue;
    }
    const type = typesOf(entry).find((t) => t in LIST_TYPES);
    const kind = type ? LIST_TYPES[type] : undefined;
    if (!kind) {
      checks.push(step(null, 'status_type_unsupported', `Status type ${typesOf(entry).join(', ') || '(none)'} is not supported; revocation was not checked.`));
      continue;
    }
    const url = str(entry.statusListCredential);
    const index = Number(entry.statusListIndex);
    const purpose = str(entry.statusPurpose) ?? 'revocation';
    if (!url || !/^\d+$/.test(String(entry.statusListIndex ?? ''))) {
      checks.push(step(false, 'status_entry_malformed', 'The status entry lacks a list URL or a numeric index.'));
      continue;
    }
    const cacheKey = `${kind.credential} ${url}`;
    let pending = deps.statusCache?.get(cacheKey) as ReturnType<typeof loadStatusList> | undefined;
    if (!pending) {
      pending = loadStatusList(url, kind, deps);
      deps.statusCache?.set(cacheKey, pending);
    }
    const loaded = await pending;
    if ('check' in loaded) {
      checks.push(loaded.check);
      continue;
    }
    const list = loaded.subject;
    const listPurpose = str(list.statusPurpose);
    if (listPurpose && listPurpose !== purpose) {
      checks.push(step(null, 'status_purpose_mismatch', `The entry asks about "${purpose}" but the list is for "${listPurpose}".`));
      continue;
    }
    const bit = await readStatusBit(str(list.encodedList) ?? '', index);
    if (bit === null) checks.push(step(null, 'status_list_corrupt', `The status list at ${url} cannot be decoded at index ${index}; revocation could not be checked.`));
    else if (!bit) checks.push(step(true, `not_${purpose === 'suspension' ? 'suspended' : 'revoked'}`, `Status list says: not ${purpose === 'suspension' ? 'suspended' : 'revoked'}.`));
    else if (purpose === 'revocation') checks.push(step(false, 'revoked', 'The issuer has revoked this credential.'));
    else if (purpose === 'suspension') checks.push(step(false, 'suspended', 'The issuer has suspended this credential.'));
    else checks.push(step(true, 'status_flag_set', `Status "${purpose}" is set; it does not affect validity.`));
  }
  return checks;
}
