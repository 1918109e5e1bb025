/**
 * The two prioritisation methods, as pure functions so their rankings can be checked by hand.
 *
 * Both return every need in a deterministic order (`position`), and a competition `rank` on the
 * method's score alone: needs with equal scores share a rank and are marked `tied`, even though the
 * order among them is settled by the tie-breakers below (so the list never reshuffles on reload).
 */

export interface RankableNeed {
  id: string;
  /** Order of proposal; the last tie-breaker. */
  position: number;
}

export interface Ranked {
  needId: string;
  position: number;
  rank: number;
  tied: boolean;
  /** Matrix: weighted mean score 0-5; dots: total dots. */
  score: number;
  dots: number;
  voters: number;
}

export interface WeightedCriterion {
  key: string;
  weightHundredths: number;
}

/**
 * Scoring matrix: each need's score is the weighted mean of its criterion scores (0-5, missing
 * scores count as 0). Ties are broken by the scores on the heaviest criteria first (in the listed
 * order when weights are equal), then by the order of proposal.
 */
export function rankByMatrix(
  needs: readonly RankableNeed[],
  criteria: readonly WeightedCriterion[],
  scores: ReadonlyMap<string, ReadonlyMap<string, number>>,
): Ranked[] {
  const totalWeight = criteria.reduce((sum, c) => sum + c.weightHundredths, 0);
  const byWeight = criteria
    .map((c, i) => ({ ...c, i }))
    .sort((a, b) => b.weightHundredths - a.weightHundredths || a.i - b.i);
  const rows = needs.map((need) => {
    const own = scores.get(need.id);
    const points = byWeight.map((c) => own?.get(c.key) ?? 0);
    // Integers: weights in hundredths times whole scores, so equal sums are exactly equal.
    const weighted = byWeight.reduce((sum, c, i) => sum + c.weightHundredths * points[i]!, 0);
    return { need, primary: weighted, tieBreak: points };
  });
  return finish(
    rows,
    (r) => (totalWeight ? round2(r.primary / totalWeight) : 0),
    () => ({ dots: 0, voters: 0 }),
  );
}

export interface Allocation {
  needId: string;
  voterId: string;
  dots: number;
}

/**
 * Dot-voting: a need's score is its total dots. Ties are broken by how many people put dots on it
 * (broader support first), then by the order of proposal.
 */
export function rankByDots(needs: readonly RankableNeed[], allocations: readonly Allocation[]): Ranked[] {
  const totals = new Map<string, { dots: number; voters: Set<string> }>();
  for (const a of allocations) {
    const t = totals.get(a.needId) ?? { dots: 0, voters: new Set<string>() };
    t.dots += a.dots;
    t.voters.add(a.voterId);
    totals.set(a.needId, t);
  }
  const rows = needs.map((need) => {
    const t = totals.get(need.id);
    const dots = t?.dots ?? 0;
    const voters = t?.voters.size ?? 0;
    return { need, primary: dots, tieBreak: [voters], dots, voters };
  });
  return finish(
    rows,
    (r) => r.primary,
    (r) => ({ dots: r.dots, voters: r.voters }),
  );
}

interface Row {
  need: RankableNeed;
  primary: number;
  tieBreak: number[];
}

function finish<R extends Row>(
  rows: R[],
  score: (r: R) => number,
  counts: (r: R) => { dots: number; voters: number },
): Ranked[] {
  const sorted = [...rows].sort((a, b) => {
    if (b.primary !== a.primary) return b.primary - a.primary;
    for (let i = 0; i < a.tieBreak.length; i++) {
      const d = (b.tieBreak[i] ?? 0) - (a.tieBreak[i] ?? 0);
      if (d) return d;
    }
    return a.need.position - b.need.position || (a.need.id < b.need.id ? -1 : 1);
  });
  return sorted.map((r, i) => {
    const rank = 1 + sorted.filter((o) => o.primary > r.primary).length;
    const tied = sorted.some((o) => o !== r && o.primary === r.primary);
    return { needId: r.need.id, position: i + 1, rank, tied, score: score(r), ...counts(r) };
  });
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * A weight as typed ("2", "1.5", "۱٫۵"): positive, at most two decimals, at most 100. Returns
 * hundredths, or null when it does not parse.
 */
export function parseWeight(raw: string, normalise: (s: string) => string): number | null {
  const text = normalise(raw.trim())
    .replace('٫', '.')
    .replace(/^(\d+),(\d{1,2})$/, '$1.$2');
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(text)) return null;
  const [whole, fraction = ''] = text.split('.');
  const hundredths = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return hundredths > 0 && hundredths <= 10_000 ? hundredths : null;
}

/** Hundredths back to the shortest decimal, for display ("1.5"). */
export const weightText = (hundredths: number): string => String(hundredths / 100);
