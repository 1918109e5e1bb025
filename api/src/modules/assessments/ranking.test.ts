import { describe, expect, it } from 'vitest';
import { normaliseDigits } from '../../server/digits.js';
import { parseWeight, rankByDots, rankByMatrix, type Allocation } from './ranking.js';

const needs = (...ids: string[]) => ids.map((id, i) => ({ id, position: i + 1 }));
const scores = (table: Record<string, Record<string, number>>) =>
  new Map(Object.entries(table).map(([id, s]) => [id, new Map(Object.entries(s))]));
const summary = (ranked: ReturnType<typeof rankByDots>) =>
  ranked.map((r) => `${r.position}:${r.needId}:rank${r.rank}${r.tied ? '=' : ''}:${r.score}`);

describe('scoring matrix', () => {
  // Weights severity 3, prevalence 2, feasibility 1 (sum 6).
  const criteria = [
    { key: 'severity', weightHundredths: 300 },
    { key: 'prevalence', weightHundredths: 200 },
    { key: 'feasibility', weightHundredths: 100 },
  ];

  it('ranks by the weighted mean, computed by hand', () => {
    // A: (3*5 + 2*2 + 1*1)/6 = 20/6 = 3.33; B: (3*3 + 2*4 + 1*5)/6 = 22/6 = 3.67; C: (3*1+2*1+1*1)/6 = 1
    const ranked = rankByMatrix(
      needs('A', 'B', 'C'),
      criteria,
      scores({
        A: { severity: 5, prevalence: 2, feasibility: 1 },
        B: { severity: 3, prevalence: 4, feasibility: 5 },
        C: { severity: 1, prevalence: 1, feasibility: 1 },
      }),
    );
    expect(summary(ranked)).toEqual(['1:B:rank1:3.67', '2:A:rank2:3.33', '3:C:rank3:1']);
  });

  it('shows equal weighted scores as a tie, ordered by the heaviest criterion, then by proposal', () => {
    // A: 3*4 + 2*1 + 1*4 = 18; B: 3*2 + 2*5 + 1*2 = 18; C: 3*4 + 2*1 + 1*4 = 18 (same as A); D: 12
    const ranked = rankByMatrix(
      needs('A', 'B', 'C', 'D'),
      criteria,
      scores({
        A: { severity: 4, prevalence: 1, feasibility: 4 },
        B: { severity: 2, prevalence: 5, feasibility: 2 },
        C: { severity: 4, prevalence: 1, feasibility: 4 },
        D: { severity: 2, prevalence: 2, feasibility: 2 },
      }),
    );
    // All three 18s share rank 1 (18/6 = 3); A before C by proposal; both before B on severity.
    expect(summary(ranked)).toEqual(['1:A:rank1=:3', '2:C:rank1=:3', '3:B:rank1=:3', '4:D:rank4:2']);
  });

  it('counts a missing score as 0 and breaks weight ties by listed order', () => {
    const equal = [
      { key: 'urgency', weightHundredths: 150 },
      { key: 'severity', weightHundredths: 150 },
    ];
    // A: 1.5*5 = 7.5 (urgency); B: 1.5*5 = 7.5 (severity); urgency is listed first, so A leads.
    const ranked = rankByMatrix(needs('B', 'A'), equal, scores({ A: { urgency: 5 }, B: { severity: 5 } }));
    expect(summary(ranked)).toEqual(['1:A:rank1=:2.5', '2:B:rank1=:2.5']);
  });

  it('sums weights exactly: 0.1 + 0.2 style weights make no false difference', () => {
    const fine = [
      { key: 'a', weightHundredths: 10 },
      { key: 'b', weightHundredths: 20 },
      { key: 'c', weightHundredths: 30 },
    ];
    // X: 0.1*3 + 0.2*3 = 0.9 ... as hundredths 10*3 + 20*3 = 90; Y: 30*3 = 90.
    const ranked = rankByMatrix(needs('X', 'Y'), fine, scores({ X: { a: 3, b: 3 }, Y: { c: 3 } }));
    expect(ranked.every((r) => r.tied && r.rank === 1)).toBe(true);
    // On the heaviest criterion (c) Y has 3 and X has 0: Y first.
    expect(ranked.map((r) => r.needId)).toEqual(['Y', 'X']);
  });
});

describe('dot-voting', () => {
  const ballot = (voterId: string, dots: Record<string, number>): Allocation[] =>
    Object.entries(dots).map(([needId, n]) => ({ needId, voterId, dots: n }));

  it('ranks by total dots, computed by hand', () => {
    // Three voters with 3 dots each: A = 2+0+1 = 3, B = 1+3+0 = 4, C = 0+0+2 = 2, D = 0.
    const ranked = rankByDots(needs('A', 'B', 'C', 'D'), [
      ...ballot('v1', { A: 2, B: 1 }),
      ...ballot('v2', { B: 3 }),
      ...ballot('v3', { A: 1, C: 2 }),
    ]);
    expect(summary(ranked)).toEqual(['1:B:rank1:4', '2:A:rank2:3', '3:C:rank3:2', '4:D:rank4:0']);
    expect(ranked[0]).toMatchObject({ dots: 4, voters: 2 });
  });

  it('shows equal totals as ties, broader support first, then order of proposal', () => {
    // A = 3 from one voter; B = 3 from three voters; C = 3 from three voters, proposed after B.
    const ranked = rankByDots(needs('A', 'B', 'C', 'D'), [
      ...ballot('v1', { A: 3 }),
      ...ballot('v2', { B: 1, C: 1, D: 1 }),
      ...ballot('v3', { B: 1, C: 1 }),
      ...ballot('v4', { B: 1, C: 1 }),
    ]);
    expect(summary(ranked)).toEqual(['1:B:rank1=:3', '2:C:rank1=:3', '3:A:rank1=:3', '4:D:rank4:1']);
  });

  it('ranks needs nobody voted for as one tie at the bottom', () => {
    const ranked = rankByDots(needs('A', 'B', 'C'), ballot('v1', { B: 2 }));
    expect(summary(ranked)).toEqual(['1:B:rank1:2', '2:A:rank2=:0', '3:C:rank2=:0']);
  });

  it('gives the same order for the same votes whatever order they arrive in', () => {
    const votes = [...ballot('v1', { A: 1, B: 1 }), ...ballot('v2', { B: 1, A: 1 })];
    const forward = rankByDots(needs('A', 'B'), votes);
    const backward = rankByDots(needs('A', 'B'), [...votes].reverse());
    expect(forward).toEqual(backward);
    expect(forward.map((r) => r.needId)).toEqual(['A', 'B']);
  });
});

describe('weights as typed', () => {
  it('parses Latin and Persian digits and decimal separators into hundredths', () => {
    expect(parseWeight('2', normaliseDigits)).toBe(200);
    expect(parseWeight('1.5', normaliseDigits)).toBe(150);
    expect(parseWeight('۱٫۵', normaliseDigits)).toBe(150);
    expect(parseWeight('0,25', normaliseDigits)).toBe(25);
    expect(parseWeight('100', normaliseDigits)).toBe(10_000);
  });

  it('refuses what does not parse or is out of range', () => {
    for (const bad of ['', 'high', '-1', '0', '0.001', '1e2', '101', '2..5', ' ', 'NaN', 'Infinity']) {
      expect(parseWeight(bad, normaliseDigits), bad).toBeNull();
    }
  });
});
