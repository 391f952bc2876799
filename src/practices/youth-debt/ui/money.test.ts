import { describe, expect, it } from 'vitest';
import { centsToInput, formatEuros, formatPercent, parseDecimal, parseEuros, parseWhole } from './money';

describe('amounts as typed in Dutch', () => {
  it('reads euros with a decimal comma and thousands points into cents', () => {
    expect(parseEuros('1.234,56')).toBe(123_456);
    expect(parseEuros('3.600')).toBe(360_000);
    expect(parseEuros('3600')).toBe(360_000);
    expect(parseEuros('€ 8.000,00')).toBe(800_000);
    expect(parseEuros('200,5')).toBe(20_050);
    expect(parseEuros('0,07')).toBe(7);
    expect(parseEuros('12.50')).toBe(1_250);
    expect(parseEuros(' 1 234,56 ')).toBe(123_456);
    expect(parseEuros('1.000.000,01')).toBe(100_000_001);
  });

  it('refuses what is not an amount', () => {
    for (const bad of ['', 'abc', '-5', '1,234', '1.23.4', '12,3,4', '1.2345', '1,2e3', '∞']) expect(parseEuros(bad), bad).toBeNull();
  });

  it('reads whole numbers and decimals', () => {
    expect(parseWhole('18')).toBe(18);
    expect(parseWhole('1,5')).toBeNull();
    expect(parseDecimal('1,5')).toBe(1.5);
    expect(parseDecimal('2')).toBe(2);
    expect(parseDecimal('twee')).toBeNull();
  });

  it('shows amounts and percentages in Dutch and English', () => {
    expect(formatEuros(360_000, 'nl').replace(/\s/g, ' ')).toBe('€ 3.600,00');
    expect(formatEuros(360_000, 'en')).toBe('€3,600.00');
    expect(formatPercent(30, 'nl')).toBe('30,00 %');
    expect(formatPercent(33.33, 'en')).toBe('33.33 %');
  });

  it('writes amounts to edit so they read back the same', () => {
    for (const cents of [0, 7, 110_000, 123_456_789]) expect(parseEuros(centsToInput(cents))).toBe(cents);
    expect(centsToInput(110_000)).toBe('1.100,00');
    expect(centsToInput(null)).toBe('');
  });
});
