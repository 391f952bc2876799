import { describe, expect, it } from 'vitest';
import { PERSONAL_DATA_KINDS, findPersonalData, isValidBsn, isValidIban, normalizeDutchPhone, redactPersonalData } from './privacy';

const found = (text: string) => findPersonalData(text).map((h) => [h.kind, h.text]);

describe('BSN', () => {
  it('applies the 11-test', () => {
    expect(isValidBsn('111222333')).toBe(true);
    expect(isValidBsn('123456782')).toBe(true);
    expect(isValidBsn('123456789')).toBe(false);
    expect(isValidBsn('000000000')).toBe(false);
    expect(isValidBsn('12345678')).toBe(false);
  });

  it('finds a valid BSN written plain, with dots or with spaces', () => {
    expect(found('Mijn BSN is 111222333.')).toEqual([['bsn', '111222333']]);
    expect(found('BSN: 1234.56.782')).toEqual([['bsn', '1234.56.782']]);
    expect(found('bsn 123 456 782, geboren in Delft')).toEqual([['bsn', '123 456 782']]);
    expect(found('bsn 123.456.782')).toEqual([['bsn', '123.456.782']]);
  });

  it('reports exact positions into the input', () => {
    const text = 'Burger (BSN 111222333) belde.';
    const [hit] = findPersonalData(text);
    expect(hit).toEqual({ kind: 'bsn', start: 12, end: 21, text: '111222333' });
    expect(text.slice(hit.start, hit.end)).toBe(hit.text);
  });

  it('ignores nine digits that fail the 11-test, and valid ones inside longer numbers', () => {
    expect(found('nummer 123456789')).toEqual([]);
    expect(found('reeks 1112223334 en 11122233345')).toEqual([]);
    expect(found('code AB111222333 of 111222333X')).toEqual([]);
    expect(found('1.111222333 en 111222333,5')).toEqual([]);
    expect(found('12 123 456 782 stuks')).toEqual([]);
    expect(found('mixed 123.456 782')).toEqual([]);
  });

  it('does not take an amount for a BSN', () => {
    expect(found('Een bedrag van € 123.456.782 of EUR 111222333.')).toEqual([]);
  });
});

describe('IBAN', () => {
  it('checks mod-97 and the length of the country', () => {
    expect(isValidIban('NL91ABNA0417164300')).toBe(true);
    expect(isValidIban('NL91ABNA0417164301')).toBe(false);
    expect(isValidIban('NL91 ABNA 0417 1643 00')).toBe(true);
    expect(isValidIban('nl91abna0417164300')).toBe(true);
    expect(isValidIban('NL91ABNA04171643')).toBe(false);
    expect(isValidIban('DE89370400440532013000')).toBe(true);
    expect(isValidIban('BE68539007547034')).toBe(true);
    expect(isValidIban('NO9386011117947')).toBe(true);
    expect(isValidIban('FR1420041010050500013M02606')).toBe(true);
  });

  it('finds IBANs with and without spaces, of any country', () => {
    expect(found('Rekening NL91ABNA0417164300.')).toEqual([['iban', 'NL91ABNA0417164300']]);
    expect(found('Rekening NL91 ABNA 0417 1643 00 t.n.v. J. Jansen')).toEqual([['iban', 'NL91 ABNA 0417 1643 00']]);
    expect(found('Duits: DE89 3704 0044 0532 0130 00; Brits GB29NWBK60161331926819')).toEqual([
      ['iban', 'DE89 3704 0044 0532 0130 00'],
      ['iban', 'GB29NWBK60161331926819'],
    ]);
  });

  it('rejects an IBAN with one digit changed, and does not report its account number as a phone', () => {
    expect(found('Rekening NL91ABNA0417164301')).toEqual([]);
    expect(found('Rekening NL91 ABNA 0417 1643 01')).toEqual([]);
  });

  it('stops at the length of the country when more groups follow', () => {
    expect(found('NL91 ABNA 0417 1643 00 1234 en verder')).toEqual([['iban', 'NL91 ABNA 0417 1643 00']]);
  });
});

describe('e-mail', () => {
  it('finds practical addresses', () => {
    expect(found('Mail naar j.de.vries@example.nl of info+meldingen@gemeente-utrecht.nl.')).toEqual([
      ['email', 'j.de.vries@example.nl'],
      ['email', 'info+meldingen@gemeente-utrecht.nl'],
    ]);
    expect(found('<PIET_01@mail.co.uk>')).toEqual([['email', 'PIET_01@mail.co.uk']]);
  });

  it('ignores things that only look like addresses', () => {
    expect(found('om 10@ uur, @gemeente, naam@localhost, a@b.c')).toEqual([]);
  });

  it('reports an address holding a phone number once, as e-mail', () => {
    expect(found('0612345678@sms.example.nl')).toEqual([['email', '0612345678@sms.example.nl']]);
  });
});

describe('phone numbers', () => {
  it('normalizes the written forms to the national number', () => {
    expect(normalizeDutchPhone('+31 (0)20 123 4567')).toBe('0201234567');
    expect(normalizeDutchPhone('0031 6 12345678')).toBe('0612345678');
    expect(normalizeDutchPhone('+316 12345678')).toBe('0612345678');
    expect(normalizeDutchPhone('01 23 45 67 89')).toBeNull();
    expect(normalizeDutchPhone('061234567')).toBeNull();
    expect(normalizeDutchPhone('0012345678')).toBeNull();
  });

  it.each([
    '06-12345678',
    '06 1234 5678',
    '0612345678',
    '06 12 34 56 78',
    '06-1234 5678',
    '010-1234567',
    '020 123 4567',
    '020-1234567',
    '0201234567',
    '(020) 123 4567',
    '0499-123456',
    '020 - 123 45 67',
    '+31 6 12345678',
    '+31612345678',
    '+31 (0)20 123 4567',
    '+31(0)6-12345678',
    '+31 20 123 4567',
    '0031 6 12345678',
    '0031201234567',
  ])('finds %s', (phone) => {
    expect(found(`Bel mij op ${phone}, graag na vijven.`)).toEqual([['phone', phone]]);
  });

  it('finds numbers that follow each other', () => {
    expect(found('06 12345678 06 87654321')).toEqual([
      ['phone', '06 12345678'],
      ['phone', '06 87654321'],
    ]);
    expect(found('tel. 010-1234567 / 06-12345678')).toEqual([
      ['phone', '010-1234567'],
      ['phone', '06-12345678'],
    ]);
  });

  it('ignores dates, times, amounts, postcodes and short numbers', () => {
    expect(found('Op 06-03-2026 14 uur, 01-03-2026 09:15, om 14:30, 14.30 uur')).toEqual([]);
    expect(found('€ 0.612.345.678 of €0612345678')).toEqual([]);
    expect(found('Postcode 1234 AB, huisnummer 12a, 012345, 0123-45')).toEqual([]);
    expect(found('nummers 06123456789 en 061234567 en 1612345678')).toEqual([]);
    expect(found('ISO 2026-03-12, Z/2026/0612345678, 12.0612345678')).toEqual([]);
  });
});

describe('a realistic paragraph', () => {
  it('without personal data yields no hits', () => {
    const text = [
      'Melding over de speeltuin aan de Dorpsstraat 14 in 3451 BK Vleuten, ontvangen op 12-03-2026 om 14:30.',
      'Sinds 2024 is het hek kapot; de reparatie kost volgens de offerte € 1.234,56 (excl. btw) of EUR 980,00.',
      'Zaaknummer 061234567, eerdere melding 2025-11-03 onder kenmerk Z-2025-004512. Bewoners van nr. 12 t/m 18',
      'klagen over 120 dB geluid tussen 22.00 en 06.30 uur. Afspraak op 3 april 2026 om 9:00, 15 min.',
      'Zie ook paragraaf 4.2.1 en artikel 2:10 Awb; 45 procent van 1.500 huishoudens, 12345 stappen, 1.234.567 euro.',
    ].join('\n');
    expect(findPersonalData(text)).toEqual([]);
  });

  it('with personal data finds each item in order', () => {
    const text =
      'Mevrouw (BSN 111222333) meldt op 12-03-2026 overlast. Zij is bereikbaar op 06-12345678 of via m.jansen@example.nl; ' +
      'de schadevergoeding van € 250,00 kan naar NL91 ABNA 0417 1643 00. Haar buurman belt vanaf +31 (0)20 123 4567.';
    expect(findPersonalData(text).map((h) => h.kind)).toEqual(['bsn', 'phone', 'email', 'iban', 'phone']);
  });
});

describe('redactPersonalData', () => {
  const text = 'BSN 111222333, tel 06-12345678, mail a.b@example.nl, rekening NL91ABNA0417164300.';

  it('replaces each hit with a Dutch placeholder by default', () => {
    expect(redactPersonalData(text)).toBe(
      'BSN [BSN verwijderd], tel [telefoonnummer verwijderd], mail [e-mailadres verwijderd], rekening [IBAN verwijderd].',
    );
  });

  it('speaks English on request', () => {
    expect(redactPersonalData(text, undefined, { locale: 'en' })).toBe(
      'BSN [BSN removed], tel [phone number removed], mail [email address removed], rekening [IBAN removed].',
    );
  });

  it('uses given hits, in any order, merging overlaps', () => {
    const hits = findPersonalData(text).reverse();
    expect(redactPersonalData(text, hits)).toBe(redactPersonalData(text));
    expect(redactPersonalData('abcdefgh', [
      { kind: 'phone', start: 3, end: 6, text: 'def' },
      { kind: 'bsn', start: 1, end: 4, text: 'bcd' },
    ])).toBe('a[BSN verwijderd]gh');
    expect(redactPersonalData('no data here', [])).toBe('no data here');
  });

  it('leaves nothing to find behind', () => {
    expect(findPersonalData(redactPersonalData(text))).toEqual([]);
  });

  it('names every kind', () => {
    expect(PERSONAL_DATA_KINDS).toEqual(['bsn', 'iban', 'email', 'phone']);
  });
});

describe('performance', () => {
  /** The fastest of three runs after a warm-up, so a busy test machine does not make it flaky. */
  const time = (text: string) => {
    findPersonalData(text);
    let best = Infinity;
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      findPersonalData(text);
      best = Math.min(best, performance.now() - started);
    }
    return best;
  };

  it('scans 20,000 characters of mixed text well under 50 ms', () => {
    const chunk =
      'Melding 12-03-2026 14:30, Dorpsstraat 14, 3451 BK, € 1.234,56. Bel 06-12345678 of mail a.b@example.nl, BSN 111222333, NL91ABNA0417164300. ';
    const text = chunk.repeat(Math.ceil(20_000 / chunk.length)).slice(0, 20_000);
    expect(findPersonalData(text).length).toBeGreaterThan(500);
    expect(time(text)).toBeLessThan(50);
  });

  it('stays linear on adversarial input', () => {
    for (const text of [
      '0'.repeat(20_000),
      '0612345678 '.repeat(1_900),
      'a'.repeat(20_000),
      'a.'.repeat(10_000),
      'a@'.repeat(10_000),
      'NL91 '.repeat(4_000),
      '06-'.repeat(6_700),
      '0612 '.repeat(4_000),
      '12 '.repeat(6_700),
    ]) {
      expect(time(text)).toBeLessThan(50);
    }
  });
});
