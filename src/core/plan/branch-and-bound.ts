import type { Candidate } from './prepare-candidates.js';

export interface BnbLimits {
  maxCostCents?: number;
  maxHoursTenths?: number;
  hoursFirst?: boolean;
  /** Search nodes before giving up (the caller then uses the MILP solver). Default 200,000. */
  nodeLimit?: number;
}

export interface BnbResult {
  status: 'optimal' | 'infeasible' | 'limit';
  chosen: number[];
  nodes: number;
}

/**
 * Exact set cover by depth-first branch and bound, lexicographic on (cost, hours, more stackable items) — or
 * (hours, cost, …) with `hoursFirst`. Branches on the uncovered skill with the fewest credentials; each branch
 * excludes the credentials its earlier siblings tried, so every minimal cover is visited at most once. Bounds: the
 * cheapest credential for each uncovered skill. Fast for the pruned models real gaps produce; gives up at `nodeLimit`.
 */
export function branchAndBound(cands: readonly Candidate[], elements: number, o: BnbLimits = {}): BnbResult {
  const p = cands.map((c) => (o.hoursFirst ? c.hoursTenths : c.costCents));
  const s = cands.map((c) => (o.hoursFirst ? c.costCents : c.hoursTenths));
  const stack = cands.map((c) => (c.entry.stackableInto.length > 0 ? 1 : 0));
  const cost = cands.map((c) => c.costCents);
  const hours = cands.map((c) => c.hoursTenths);
  const coverers: number[][] = Array.from({ length: elements }, () => []);
  cands.forEach((c, j) => c.covers.forEach((e) => coverers[e]?.push(j)));
  for (const list of coverers) list.sort((a, b) => p[a]! - p[b]! || s[a]! - s[b]!);
  const minP = coverers.map((l) => Math.min(...l.map((j) => p[j]!)));
  const minS = coverers.map((l) => Math.min(...l.map((j) => s[j]!)));
  const minCost = coverers.map((l) => Math.min(...l.map((j) => cost[j]!)));
  const minHours = coverers.map((l) => Math.min(...l.map((j) => hours[j]!)));
  const order = [...Array(elements).keys()].sort((a, b) => coverers[a]!.length - coverers[b]!.length);
  if (coverers.some((l) => l.length === 0)) return { status: 'infeasible', chosen: [], nodes: 0 };

  const count = new Int32Array(elements);
  const excluded = new Uint8Array(cands.length);
  const chosen: number[] = [];
  let best: { p: number; s: number; st: number; chosen: number[] } | null = null;
  let nodes = 0;
  const limit = o.nodeLimit ?? 200_000;
  const maxCost = o.maxCostCents ?? Infinity;
  const maxHours = o.maxHoursTenths ?? Infinity;

  const visit = (cp: number, cs: number, cst: number, cc: number, ch: number): boolean => {
    if (++nodes > limit) return false;
    let next = -1;
    let lbP = 0;
    let lbS = 0;
    let lbC = 0;
    let lbH = 0;
    for (const e of order) {
      if (count[e]! > 0) continue;
      if (next < 0) next = e;
      lbP = Math.max(lbP, minP[e]!);
      lbS = Math.max(lbS, minS[e]!);
      lbC = Math.max(lbC, minCost[e]!);
      lbH = Math.max(lbH, minHours[e]!);
    }
    if (cc + lbC > maxCost || ch + lbH > maxHours) return true;
    if (next < 0) {
      if (!best || cp < best.p || (cp === best.p && (cs < best.s || (cs === best.s && cst > best.st)))) best = { p: cp, s: cs, st: cst, chosen: [...chosen] };
      return true;
    }
    if (best && (cp + lbP > best.p || (cp + lbP === best.p && cs + lbS > best.s))) return true;
    const tried: number[] = [];
    let ok = true;
    for (const j of coverers[next]!) {
      if (excluded[j]) continue;
      chosen.push(j);
      for (const e of cands[j]!.covers) count[e]!++;
      ok = visit(cp + p[j]!, cs + s[j]!, cst + stack[j]!, cc + cost[j]!, ch + hours[j]!);
      for (const e of cands[j]!.covers) count[e]!--;
      chosen.pop();
      excluded[j] = 1;
      tried.push(j);
      if (!ok) break;
    }
    for (const j of tried) excluded[j] = 0;
    return ok;
  };
  const finished = visit(0, 0, 0, 0, 0);
  if (!finished) return { status: 'limit', chosen: best ? (best as { chosen: number[] }).chosen : [], nodes };
  const b = best as { chosen: number[] } | null;
  return b ? { status: 'optimal', chosen: [...b.chosen].sort((x, y) => x - y), nodes } : { status: 'infeasible', chosen: [], nodes };
}
