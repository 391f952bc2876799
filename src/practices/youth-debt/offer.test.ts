import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { settlementOffer, type OfferDebt } from './offer';

const euros = (e: number) => Math.round(e * 100);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('settlement offer: the figures of the issue', () => {
  it('pays 72.00 % over 36 months and 36.00 % over 18 months of €200 against €10,000 concurrent debt', () => {
    const debts = [{ creditor: 'Zorgverzekeraar', amountCents: euros(10_000), preferential: false }];
    const long = settlementOffer({ monthlyCapacityCents: euros(200), termMonths: 36, debts });
    expect(long).toMatchObject({ availableCents: 720_000, paidOutCents: 720_000, concurrentPercentage: 72 });
    expect(long.payouts).toEqual([{ creditor: 'Zorgverzekeraar', payoutCents: 720_000, percentage: 72 }]);
    const short = settlementOffer({ monthlyCapacityCents: euros(200), termMonths: 18, debts });
    expect(short).toMatchObject({ availableCents: 360_000, paidOutCents: 360_000, concurrentPercentage: 36 });
    // 18 months is the default term since 1 July 2023.
    expect(settlementOffer({ monthlyCapacityCents: euros(200), debts }).concurrentPercentage).toBe(36);
  });

  it('gives concurrent creditors 30.00 % and preferential 60.00 % of €3,600 against €8,000 + €2,000', () => {
    const offer = settlementOffer({
      monthlyCapacityCents: euros(200),
      debts: [
        { creditor: 'Webwinkel', amountCents: euros(8_000), preferential: false },
        { creditor: 'Belastingdienst', amountCents: euros(2_000), preferential: true },
      ],
    });
    expect(offer).toEqual({
      availableCents: 360_000,
      paidOutCents: 360_000,
      concurrentPercentage: 30,
      preferentialPercentage: 60,
      payouts: [
        { creditor: 'Webwinkel', payoutCents: 240_000, percentage: 30 },
        { creditor: 'Belastingdienst', payoutCents: 120_000, percentage: 60 },
      ],
    });
  });

  it('adds up to exactly 360000 cents when the shares do not divide evenly (largest remainder)', () => {
    const offer = settlementOffer({
      monthlyCapacityCents: 20_000,
      debts: [
        { creditor: 'Telecom', amountCents: 266_667, preferential: false },
        { creditor: 'Energie', amountCents: 266_667, preferential: false },
        { creditor: 'Webwinkel', amountCents: 266_666, preferential: false },
        { creditor: 'Belastingdienst', amountCents: 200_000, preferential: true },
      ],
    });
    // Exact shares 80000.1, 80000.1, 79999.8 and 120000: the one cent left goes to the largest fraction (.8).
    expect(offer.payouts.map((p) => p.payoutCents)).toEqual([80_000, 80_000, 80_000, 120_000]);
    expect(sum(offer.payouts.map((p) => p.payoutCents))).toBe(360_000);
    expect(offer.concurrentPercentage).toBe(30);
    expect(offer.preferentialPercentage).toBe(60);
  });

  it('gives a cent left over on a tie to the creditor listed first, every time', () => {
    const debts = ['A', 'B', 'C'].map((creditor) => ({ creditor, amountCents: 100, preferential: false }));
    const offer = settlementOffer({ monthlyCapacityCents: 100, termMonths: 1, debts });
    expect(offer.payouts.map((p) => p.payoutCents)).toEqual([34, 33, 33]);
    expect(offer.concurrentPercentage).toBe(33.33);
    expect(settlementOffer({ monthlyCapacityCents: 100, termMonths: 1, debts })).toEqual(offer);
  });

  it('pays preferential creditors in full when m·p would exceed 100 %, and shares the rest', () => {
    // A = 6 000: p = 6000 / (8000 + 2·2000) = 50 %, m·p = 100 % → exactly at the edge, not above.
    const edge = settlementOffer({
      monthlyCapacityCents: euros(6_000),
      termMonths: 1,
      debts: [
        { creditor: 'Webwinkel', amountCents: euros(8_000), preferential: false },
        { creditor: 'Belastingdienst', amountCents: euros(2_000), preferential: true },
      ],
    });
    expect([edge.concurrentPercentage, edge.preferentialPercentage]).toEqual([50, 100]);
    // A = 9 000: p would be 75 %, m·p 150 % → the tax office gets 100 %, p = (9000 − 2000) / 8000 = 87.5 %.
    const over = settlementOffer({
      monthlyCapacityCents: euros(500),
      debts: [
        { creditor: 'Webwinkel', amountCents: euros(8_000), preferential: false },
        { creditor: 'Belastingdienst', amountCents: euros(2_000), preferential: true },
      ],
    });
    expect(over).toMatchObject({ availableCents: 900_000, paidOutCents: 900_000, concurrentPercentage: 87.5, preferentialPercentage: 100 });
    expect(over.payouts.map((p) => p.payoutCents)).toEqual([700_000, 200_000]);
  });

  it('pays everyone 100 % and no more when the available amount covers all debts', () => {
    const offer = settlementOffer({
      monthlyCapacityCents: euros(1_000),
      debts: [
        { creditor: 'Webwinkel', amountCents: euros(800), preferential: false },
        { creditor: 'Belastingdienst', amountCents: euros(300), preferential: true },
      ],
    });
    expect(offer).toMatchObject({ availableCents: 1_800_000, paidOutCents: 110_000, concurrentPercentage: 100, preferentialPercentage: 100 });
    expect(offer.payouts.map((p) => p.payoutCents)).toEqual([80_000, 30_000]);
  });

  it('handles no capacity, no debts and debts of zero', () => {
    const none = settlementOffer({ monthlyCapacityCents: 0, debts: [{ creditor: 'Webwinkel', amountCents: 50_000, preferential: false }] });
    expect(none).toMatchObject({ availableCents: 0, paidOutCents: 0, concurrentPercentage: 0, preferentialPercentage: 0 });
    expect(none.payouts[0].payoutCents).toBe(0);
    expect(settlementOffer({ monthlyCapacityCents: 10_000, debts: [] })).toEqual({
      availableCents: 180_000,
      paidOutCents: 0,
      concurrentPercentage: 100,
      preferentialPercentage: 100,
      payouts: [],
    });
    const zero = settlementOffer({
      monthlyCapacityCents: 100,
      debts: [
        { creditor: 'Leeg', amountCents: 0, preferential: false },
        { creditor: 'Webwinkel', amountCents: 10_000, preferential: false },
      ],
    });
    expect(zero.payouts.map((p) => p.payoutCents)).toEqual([0, 1_800]);
  });

  it('uses a different multiplier and term', () => {
    // m = 1: everyone shares pro rata. A = 12 × 250 = 3 000 of 10 000 → 30 %.
    const offer = settlementOffer({
      monthlyCapacityCents: euros(250),
      termMonths: 12,
      preferentialMultiplier: 1,
      debts: [
        { creditor: 'Webwinkel', amountCents: euros(8_000), preferential: false },
        { creditor: 'Belastingdienst', amountCents: euros(2_000), preferential: true },
      ],
    });
    expect([offer.concurrentPercentage, offer.preferentialPercentage]).toEqual([30, 30]);
    // m = 1.5: p = 3000 / (8000 + 3000) = 27.27 %, preferential 40.91 %.
    const half = settlementOffer({
      monthlyCapacityCents: euros(250),
      termMonths: 12,
      preferentialMultiplier: 1.5,
      debts: [
        { creditor: 'Webwinkel', amountCents: euros(8_000), preferential: false },
        { creditor: 'Belastingdienst', amountCents: euros(2_000), preferential: true },
      ],
    });
    expect([half.concurrentPercentage, half.preferentialPercentage]).toEqual([27.27, 40.91]);
    expect(sum(half.payouts.map((p) => p.payoutCents))).toBe(300_000);
  });
});

describe('settlement offer: properties', () => {
  const debt = fc.record({
    creditor: fc.string({ minLength: 1, maxLength: 10 }),
    amountCents: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 5_000_000 }), fc.integer({ min: 0, max: 10_000_000_000 })),
    preferential: fc.boolean(),
  });
  const input = fc.record({
    monthlyCapacityCents: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 200_000 }), fc.integer({ min: 0, max: 100_000_000 })),
    termMonths: fc.integer({ min: 1, max: 120 }),
    preferentialMultiplier: fc.oneof(fc.constant(2), fc.integer({ min: 100, max: 1000 }).map((h) => h / 100)),
    debts: fc.array(debt, { maxLength: 60 }),
  });

  it('pays out exactly min(A, total debt), in whole cents, never more than a debt, in input order', () => {
    fc.assert(
      fc.property(input, (inp) => {
        const offer = settlementOffer(inp);
        const total = sum(inp.debts.map((d) => d.amountCents));
        expect(offer.availableCents).toBe(inp.monthlyCapacityCents * inp.termMonths);
        expect(offer.paidOutCents).toBe(Math.min(offer.availableCents, total));
        expect(sum(offer.payouts.map((p) => p.payoutCents))).toBe(offer.paidOutCents);
        expect(offer.payouts.map((p) => p.creditor)).toEqual(inp.debts.map((d) => d.creditor));
        offer.payouts.forEach((p, i) => {
          expect(Number.isInteger(p.payoutCents)).toBe(true);
          expect(p.payoutCents).toBeGreaterThanOrEqual(0);
          expect(p.payoutCents).toBeLessThanOrEqual(inp.debts[i].amountCents);
          expect(p.percentage).toBeLessThanOrEqual(100);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('follows the rule: p = A / (C + m·P), preferential min(100, m·p), and p = (A − P) / C when m·p > 100 %', () => {
    fc.assert(
      fc.property(input, (inp) => {
        const offer = settlementOffer(inp);
        const m = inp.preferentialMultiplier;
        const A = inp.monthlyCapacityCents * inp.termMonths;
        const C = sum(inp.debts.filter((d) => !d.preferential).map((d) => d.amountCents));
        const P = sum(inp.debts.filter((d) => d.preferential).map((d) => d.amountCents));
        // An independent oracle in floating point, compared to two decimals.
        let p: number;
        let q: number;
        if (A >= C + P) [p, q] = [1, 1];
        else {
          p = A / (C + m * P);
          q = m * p;
          if (q > 1 + 1e-12) [p, q] = [(A - P) / C, 1];
        }
        expect(Math.abs(offer.concurrentPercentage - p * 100)).toBeLessThanOrEqual(0.005 + 1e-9);
        expect(Math.abs(offer.preferentialPercentage - Math.min(100, q * 100))).toBeLessThanOrEqual(0.005 + 1e-9);
        expect(offer.preferentialPercentage).toBeGreaterThanOrEqual(offer.concurrentPercentage);
        // Every payout is its exact share, rounded up or down by less than one cent.
        offer.payouts.forEach((pay, i) => {
          const d = inp.debts[i];
          const exact = d.amountCents * (d.preferential ? q : p);
          expect(Math.abs(pay.payoutCents - exact)).toBeLessThan(1 + exact * 1e-12);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('is deterministic: the same input gives the same offer', () => {
    fc.assert(
      fc.property(input, (inp) => {
        expect(settlementOffer(inp)).toEqual(settlementOffer(structuredClone(inp)));
      }),
      { numRuns: 100 },
    );
  });

  it('computes an offer for 50 debts well within 5 ms', () => {
    const debts: OfferDebt[] = Array.from({ length: 50 }, (_, i) => ({ creditor: `Schuldeiser ${i}`, amountCents: 12_345 + i * 9_871, preferential: i % 7 === 0 }));
    settlementOffer({ monthlyCapacityCents: 17_500, debts });
    const start = performance.now();
    for (let i = 0; i < 100; i++) settlementOffer({ monthlyCapacityCents: 17_500, debts });
    expect((performance.now() - start) / 100).toBeLessThan(5);
  });
});
