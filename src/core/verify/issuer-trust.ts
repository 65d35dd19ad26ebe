import { z } from 'zod';
import { isRecord, str } from './read-credential.js';

/** One list of trusted issuers, from a DCC issuer registry file or a local allow-list. */
export interface TrustRegistry {
  name: string;
  issuers: ReadonlyMap<string, { name: string | null }>;
}

export interface TrustConfig {
  registries: TrustRegistry[];
}

const DccRegistrySchema = z.object({
  name: z.string().optional(),
  meta: z.object({ name: z.string().optional() }).passthrough().optional(),
  registry: z.record(z.unknown()),
});
const AllowListSchema = z.object({
  name: z.string().optional(),
  issuers: z.array(z.union([z.string(), z.object({ id: z.string(), name: z.string().optional() })])),
});

/**
 * Read a trust registry: the DCC format (`{name, registry: {"did:…": {name, url}}}`) or a local allow-list
 * (`{name, issuers: ["did:…" | {id, name}]}`). Returns null when neither shape fits.
 */
export function parseTrustRegistry(json: unknown, fallbackName: string): TrustRegistry | null {
  const dcc = DccRegistrySchema.safeParse(json);
  if (dcc.success) {
    const issuers = new Map<string, { name: string | null }>();
    for (const [id, entry] of Object.entries(dcc.data.registry)) issuers.set(id, { name: isRecord(entry) ? str(entry.name) : null });
    return { name: dcc.data.name ?? dcc.data.meta?.name ?? fallbackName, issuers };
  }
  const list = AllowListSchema.safeParse(json);
  if (list.success) {
    const issuers = new Map<string, { name: string | null }>();
    for (const entry of list.data.issuers) {
      if (typeof entry === 'string') issuers.set(entry, { name: null });
      else issuers.set(entry.id, { name: entry.name ?? null });
    }
    return { name: list.data.name ?? fallbackName, issuers };
  }
  return null;
}

/** Which configured registries list this issuer (by exact id, or by the DID of a DID URL). */
export function findIssuer(trust: TrustConfig, issuerId: string | null): { registries: string[]; name: string | null } {
  if (!issuerId) return { registries: [], name: null };
  const did = issuerId.split('#')[0]!;
  const registries: string[] = [];
  let name: string | null = null;
  for (const r of trust.registries) {
    const hit = r.issuers.get(issuerId) ?? r.issuers.get(did);
    if (hit) {
      registries.push(r.name);
      name ??= hit.name;
    }
  }
  return { registries, name };
}
