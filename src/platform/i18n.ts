import type { ErrorCatalogue, FieldError, Locale } from './errors';

/** Picks nl or en from an Accept-Language header; Dutch unless English is preferred. */
export function localeFromHeader(header: string | undefined, fallback: Locale = 'nl'): Locale {
  if (!header) return fallback;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { lang: tag.split('-')[0], q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .filter((entry) => entry.lang === 'nl' || entry.lang === 'en')
    .sort((a, b) => b.q - a.q);
  return (ranked[0]?.lang as Locale | undefined) ?? fallback;
}

export function format(template: string, params: Record<string, unknown> = {}) {
  return template.replace(/\{(\w+)\}/g, (whole, key) => (params[key] === undefined ? whole : String(params[key])));
}

/** Messages for field-level validation problems, keyed by zod issue shape. */
const fieldMessages = {
  required: { nl: 'Dit veld is verplicht.', en: 'This field is required.' },
  type: { nl: 'Verwacht {expected}.', en: 'Expected {expected}.' },
  tooShort: { nl: 'Gebruik minstens {min} tekens.', en: 'Use at least {min} characters.' },
  tooLong: { nl: 'Gebruik hoogstens {max} tekens.', en: 'Use at most {max} characters.' },
  tooSmall: { nl: 'Moet minstens {min} zijn.', en: 'Must be at least {min}.' },
  tooBig: { nl: 'Mag hoogstens {max} zijn.', en: 'Must be at most {max}.' },
  tooFewItems: { nl: 'Kies er minstens {min}.', en: 'Choose at least {min}.' },
  tooManyItems: { nl: 'Hoogstens {max} toegestaan.', en: 'At most {max} allowed.' },
  email: { nl: 'Vul een geldig e-mailadres in, bijvoorbeeld naam@gemeente.nl.', en: 'Enter a valid e-mail address, for example name@example.org.' },
  url: { nl: 'Vul een volledige webadres in, beginnend met https://.', en: 'Enter a full web address starting with https://.' },
  uuid: { nl: 'Dit is geen geldige verwijzing (UUID).', en: 'This is not a valid reference (UUID).' },
  date: { nl: 'Vul een geldige datum in (JJJJ-MM-DD).', en: 'Enter a valid date (YYYY-MM-DD).' },
  format: { nl: 'De notatie klopt niet.', en: 'The format is not valid.' },
  option: { nl: 'Kies een van: {options}.', en: 'Choose one of: {options}.' },
  unknownKeys: { nl: 'Onbekend veld: {keys}.', en: 'Unknown field: {keys}.' },
  integer: { nl: 'Vul een geheel getal in.', en: 'Enter a whole number.' },
  invalid: { nl: 'Deze waarde is niet geldig.', en: 'This value is not valid.' },
} as const;

const typeNames: Record<string, { nl: string; en: string }> = {
  string: { nl: 'tekst', en: 'text' },
  number: { nl: 'een getal', en: 'a number' },
  int: { nl: 'een geheel getal', en: 'a whole number' },
  boolean: { nl: 'ja of nee (true/false)', en: 'yes or no (true/false)' },
  object: { nl: 'een object', en: 'an object' },
  array: { nl: 'een lijst', en: 'a list' },
};

interface IssueLike {
  code: string;
  path?: PropertyKey[];
  message?: string;
  expected?: string;
  origin?: string;
  format?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  values?: unknown[];
  keys?: string[];
  input?: unknown;
}

/** Turns a zod issue into a field error in the given language. */
export function localiseIssue(issue: IssueLike, locale: Locale, catalogue: ErrorCatalogue): FieldError {
  const path = (issue.path ?? []).map(String).join('.');
  const t = (key: keyof typeof fieldMessages, params: Record<string, unknown> = {}) => format(fieldMessages[key][locale], params);
  // A schema may name its own message key (e.g. `workspace.slug_format`).
  if (issue.message && catalogue[issue.message]) return { path, message: catalogue[issue.message][locale] };
  let message: string;
  switch (issue.code) {
    case 'invalid_type':
      message =
        issue.input === undefined || issue.input === null
          ? t('required')
          : issue.expected === 'int'
            ? t('integer')
            : t('type', { expected: typeNames[issue.expected ?? '']?.[locale] ?? issue.expected });
      break;
    case 'too_small':
      message =
        issue.origin === 'string'
          ? Number(issue.minimum) === 1
            ? t('required')
            : t('tooShort', { min: issue.minimum })
          : issue.origin === 'array' || issue.origin === 'set'
            ? t('tooFewItems', { min: issue.minimum })
            : t('tooSmall', { min: issue.minimum });
      break;
    case 'too_big':
      message =
        issue.origin === 'string'
          ? t('tooLong', { max: issue.maximum })
          : issue.origin === 'array' || issue.origin === 'set'
            ? t('tooManyItems', { max: issue.maximum })
            : t('tooBig', { max: issue.maximum });
      break;
    case 'invalid_format':
      message =
        issue.format === 'email'
          ? t('email')
          : issue.format === 'url'
            ? t('url')
            : issue.format === 'uuid'
              ? t('uuid')
              : issue.format === 'date' || issue.format === 'datetime'
                ? t('date')
                : t('format');
      break;
    case 'invalid_value':
      message = t('option', { options: (issue.values ?? []).map(String).join(', ') });
      break;
    case 'unrecognized_keys':
      message = t('unknownKeys', { keys: (issue.keys ?? []).join(', ') });
      break;
    case 'not_multiple_of':
      message = t('integer');
      break;
    default:
      message = t('invalid');
  }
  return { path, message };
}
