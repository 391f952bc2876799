import { describe, expect, it } from 'vitest';
import { presentValue, sensitivity, type MkbaLine } from './mkba';

const benefit = (year: number, amountCents = 1_000_000, actor: MkbaLine['actor'] = 'gemeente'): MkbaLine => ({ actor, kind: 'benefit', label: 'Bijstand vermeden', amountCents, year });

describe('MKBA present value', () => {
  it('values €10,000 a year in years 0, 1 and 2 at 2.25 % at €29,344.70', () => {
    const result = presentValue([benefit(0), benefit(1), benefit(2)]);
    expect(result.benefitsPresentValueCents).toBe(2_934_470);
    expect(result.presentValueCents).toBe(2_934_470);
    expect(result.costsPresentValueCents).toBe(0);
    expect(result.ratio).toBeNull();
    expect(result.byActor.gemeente).toEqual({ costsPresentValueCents: 0, benefitsPresentValueCents: 2_934_470, presentValueCents: 2_934_470, ratio: null });
    expect(result.byActor.rijk).toEqual({ costsPresentValueCents: 0, benefitsPresentValueCents: 0, presentValueCents: 0, ratio: null });
  });

  it('uses the given discount rate; 0 % is the plain sum', () => {
    expect(presentValue([benefit(0), benefit(1), benefit(2)], 0).presentValueCents).toBe(3_000_000);
    // 3 %: 10 000 + 9 708.74 + 9 425.96 = 29 134.70
    expect(presentValue([benefit(0), benefit(1), benefit(2)], 0.03).presentValueCents).toBe(2_913_470);
  });

  it('balances costs and benefits per actor and in total, rounding each total once', () => {
    const lines: MkbaLine[] = [
      { actor: 'gemeente', kind: 'cost', label: 'Coaching', amountCents: 500_000, year: 0 },
      { actor: 'gemeente', kind: 'cost', label: 'Coaching', amountCents: 500_000, year: 1 },
      benefit(1, 1_400_000),
      benefit(2, 1_400_000),
      { actor: 'schuldeisers', kind: 'benefit', label: 'Terugbetaald', amountCents: 300_000, year: 0 },
      { actor: 'jongere', kind: 'cost', label: 'Tegenprestatie', amountCents: 1, year: 1 },
      { actor: 'jongere', kind: 'cost', label: 'Tegenprestatie', amountCents: 1, year: 1 },
    ];
    const r = presentValue(lines);
    // Costs gemeente: 5 000 + 5 000 / 1.0225 = 9 889.98; benefits 14 000/1.0225 + 14 000/1.0225² = 27 082.57
    expect(r.byActor.gemeente.costsPresentValueCents).toBe(988_998);
    expect(r.byActor.gemeente.benefitsPresentValueCents).toBe(2_708_257);
    expect(r.byActor.gemeente.presentValueCents).toBe(2_708_257 - 988_998);
    expect(r.byActor.gemeente.ratio).toBe(2.74);
    expect(r.byActor.schuldeisers).toMatchObject({ benefitsPresentValueCents: 300_000, ratio: null });
    // Two amounts of 0.978 cent each: rounded once (1.96 → 2), not per line (1 + 1).
    expect(r.byActor.jongere.costsPresentValueCents).toBe(2);
    expect(r.costsPresentValueCents).toBe(988_998 + 2);
    expect(r.benefitsPresentValueCents).toBe(2_708_257 + 300_000);
    expect(r.presentValueCents).toBe(r.benefitsPresentValueCents - r.costsPresentValueCents);
  });

  it('gives zero for no lines', () => {
    expect(presentValue([])).toMatchObject({ presentValueCents: 0, costsPresentValueCents: 0, benefitsPresentValueCents: 0, ratio: null });
  });

  it('shows the sensitivity to the discount rate and unit values', () => {
    const lines = [benefit(0), benefit(1), benefit(2), { actor: 'gemeente', kind: 'cost', label: 'Coaching', amountCents: 1_500_000, year: 0 } as MkbaLine];
    const rows = sensitivity(lines);
    const by = Object.fromEntries(rows.map((r) => [r.scenario, r]));
    expect(by.base.result.presentValueCents).toBe(2_934_470 - 1_500_000);
    expect(by.rate_low.discountRate).toBeCloseTo(0.0125, 10);
    expect(by.rate_high.discountRate).toBeCloseTo(0.0325, 10);
    expect(by.rate_low.result.presentValueCents).toBeGreaterThan(by.base.result.presentValueCents);
    expect(by.rate_high.result.presentValueCents).toBeLessThan(by.base.result.presentValueCents);
    expect(by.benefits_low.result.benefitsPresentValueCents).toBe(2_347_576) // 0.8 × 2 934 469.545… exactly, rounded once;
    expect(by.benefits_high.result.benefitsPresentValueCents).toBe(3_521_363) // 1.2 × 2 934 469.545…;
    expect(by.costs_high.result.costsPresentValueCents).toBe(1_800_000);
    expect(by.costs_low.result.costsPresentValueCents).toBe(1_200_000);
  });
});
