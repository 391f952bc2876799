import { describe, expect, it } from 'vitest';
import { isValidCbsCode, kindOfCode, parentCode } from './codes';

describe('CBS area codes', () => {
  it('finds the gemeente of a wijk from its code', () => {
    expect(parentCode('WK036305')).toBe('GM0363');
  });

  it('finds the wijk of a buurt from its code, numeric or with letters', () => {
    expect(parentCode('BU03630501')).toBe('WK036305');
    expect(parentCode('BU0363AA01')).toBe('WK0363AA');
    expect(parentCode('WK0363AA')).toBe('GM0363');
  });

  it('gives a gemeente, or a malformed code, no parent', () => {
    expect(parentCode('GM0363')).toBeNull();
    expect(parentCode('BU036305')).toBeNull();
    expect(parentCode('XX12345678')).toBeNull();
  });

  it('tells the kind from the prefix', () => {
    expect(kindOfCode('GM0363')).toBe('gemeente');
    expect(kindOfCode('WK0363AA')).toBe('wijk');
    expect(kindOfCode('BU0363AD03')).toBe('buurt');
    expect(kindOfCode('NL00')).toBeNull();
  });

  it('accepts codes of the 2022 re-division with letters, and rejects wrong lengths and lowercase', () => {
    expect(isValidCbsCode('gemeente', 'GM0363')).toBe(true);
    expect(isValidCbsCode('gemeente', 'GM363')).toBe(false);
    expect(isValidCbsCode('wijk', 'WK0363AA')).toBe(true);
    expect(isValidCbsCode('wijk', 'WK0363aa')).toBe(false);
    expect(isValidCbsCode('buurt', 'BU0363AA01')).toBe(true);
    expect(isValidCbsCode('buurt', 'BU036305')).toBe(false);
    expect(isValidCbsCode('buurt', 'WK03630501')).toBe(false);
  });
});
