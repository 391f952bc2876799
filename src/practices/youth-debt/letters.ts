import { dutchDate, renderHtmlDocument, type HtmlDocument } from '../../platform/document';
import { DomainError } from '../../platform/errors';
import { addCalendarDays } from '../../platform/workdays';

/*
 * Offer letters to creditors: a workspace template with {{placeholders}}, filled with the frozen
 * offer line and rendered as a printable HTML document (renderHtmlDocument escapes every text).
 * Pure: no database, no HTTP.
 */

/** The placeholders a template may use, with what they become. */
export const LETTER_PLACEHOLDERS = {
  schuldeiser: 'naam van de schuldeiser',
  adres: 'postadres van de schuldeiser, op één regel',
  deelnemer: 'naam van de deelnemer',
  deelnemernummer: 'deelnemersnummer, bijvoorbeeld JPF-0001',
  schuldbedrag: 'de vordering van deze schuldeiser',
  aanbod: 'het aangeboden bedrag',
  percentage: 'het aangeboden percentage',
  looptijd: 'de looptijd in maanden',
  datum: 'de datum van verzending',
  reactietermijn: 'de uiterste datum voor een reactie',
  werkruimte: 'de naam van de werkruimte (afzender)',
} as const;
export type LetterPlaceholder = keyof typeof LETTER_PLACEHOLDERS;
export const PLACEHOLDER_NAMES = Object.keys(LETTER_PLACEHOLDERS) as LetterPlaceholder[];

/** Creditors are asked to respond within this many calendar days of the date of sending. */
export const RESPONSE_DAYS = 30;
export const MAX_TEMPLATE_LENGTH = 10_000;

export const DEFAULT_LETTER_TEMPLATE = `Geachte heer, mevrouw,

Namens {{deelnemer}} (ons kenmerk {{deelnemernummer}}) doen wij u een voorstel voor een schuldregeling. {{deelnemer}} neemt deel aan het Jongeren Perspectief Fonds: met een saneringskrediet krijgen alle schuldeisers in één keer een deel van hun vordering, als finale kwijting.

Uw vordering bedraagt {{schuldbedrag}}. Wij bieden u {{aanbod}}, dat is {{percentage}} van uw vordering, in één betaling. Het aanbod volgt uit wat {{deelnemer}} in {{looptijd}} maanden kan aflossen; alle schuldeisers krijgen naar verhouding hetzelfde percentage, preferente schuldeisers een hoger percentage.

Wij vragen u in te stemmen met dit voorstel en ons uiterlijk {{reactietermijn}} te laten weten of u akkoord gaat. Gaan alle schuldeisers akkoord, dan maken wij het bedrag direct over en is uw vordering volledig voldaan.

Met vriendelijke groet,

{{werkruimte}}`;

const TAG = /\{\{\s*([^{}]*?)\s*\}\}/g;

/**
 * What is wrong with a template: placeholders it names that do not exist, and whether a `{{` or
 * `}}` is left that does not form a placeholder. An empty result means the template is usable.
 */
export function templateProblems(template: string): { unknown: string[]; malformed: boolean } {
  const known = new Set<string>(PLACEHOLDER_NAMES);
  const unknown = new Set<string>();
  for (const match of template.matchAll(TAG)) if (!known.has(match[1])) unknown.add(match[1]);
  const rest = template.replace(TAG, '');
  return { unknown: [...unknown], malformed: rest.includes('{{') || rest.includes('}}') };
}

/** Refuses a template with unknown placeholders (named in the message) or stray braces. */
export function checkLetterTemplate(template: string) {
  const { unknown, malformed } = templateProblems(template);
  const known = PLACEHOLDER_NAMES.map((n) => `{{${n}}}`).join(', ');
  if (unknown.length) {
    throw new DomainError('youth_debt.template_placeholder_unknown', { names: unknown.map((n) => `{{${n}}}`).join(', '), known }, [{ path: 'letterTemplate', message: 'youth_debt.template_placeholder_unknown' }]);
  }
  if (malformed) throw new DomainError('youth_debt.template_malformed', { known }, [{ path: 'letterTemplate', message: 'youth_debt.template_malformed' }]);
}

/** The template with every placeholder replaced (plain text; escaping happens when it is rendered). */
export function fillTemplate(template: string, values: Record<LetterPlaceholder, string>): string {
  return template.replace(TAG, (whole, name: string) => (name in values ? values[name as LetterPlaceholder] : whole));
}

const EUROS = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });
const PERCENT = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
/** `€ 1.234,56` (with a non-breaking space, so an amount never breaks over two lines). */
export const euros = (cents: number) => EUROS.format(cents / 100).replace(/\s/g, '\u00a0');
/** `30,00 %`. */
export const percent = (value: number) => `${PERCENT.format(value)}\u00a0%`;

export interface LetterInput {
  workspaceName: string;
  creditorName: string;
  creditorAddress: string;
  participantName: string;
  participantNumber: string;
  /** Kenmerk of the letter, e.g. JPF-0001/2-3 (participant, offer version, line). */
  reference: string;
  debtCents: number;
  payoutCents: number;
  percentage: number;
  termMonths: number;
  /** YYYY-MM-DD: the date the offer was sent. */
  sentDate: string;
  template: string;
}

export function letterValues(input: LetterInput): Record<LetterPlaceholder, string> {
  return {
    schuldeiser: input.creditorName,
    adres: input.creditorAddress
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .join(', '),
    deelnemer: input.participantName,
    deelnemernummer: input.participantNumber,
    schuldbedrag: euros(input.debtCents),
    aanbod: euros(input.payoutCents),
    percentage: percent(input.percentage),
    looptijd: String(input.termMonths),
    datum: dutchDate(input.sentDate),
    reactietermijn: dutchDate(addCalendarDays(input.sentDate, RESPONSE_DAYS)),
    werkruimte: input.workspaceName,
  };
}

/** The letter as a document: address block, reference and date, the filled template (every line a paragraph), and the figures in a table. */
export function letterDocument(input: LetterInput): HtmlDocument {
  const values = letterValues(input);
  const body = fillTemplate(input.template, values)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const address = input.creditorAddress
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return {
    lang: 'nl',
    kicker: input.workspaceName,
    title: 'Voorstel voor een schuldregeling',
    subtitle: `Kenmerk ${input.reference} · ${values.datum}`,
    sections: [
      { heading: 'Aan', blocks: [{ p: input.creditorName }, ...(address.length ? address : ['(adres onbekend)']).map((p) => ({ p }))] },
      { heading: `Betreft: ${input.participantName} (${input.participantNumber})`, blocks: body.map((p) => ({ p })) },
      {
        heading: 'Het voorstel in cijfers',
        blocks: [
          {
            table: {
              head: ['Uw vordering', 'Percentage', 'Aanbod in één betaling', 'Reactie graag uiterlijk'],
              rows: [[values.schuldbedrag, values.percentage, values.aanbod, values.reactietermijn]],
            },
          },
        ],
      },
    ],
    footer: `${input.workspaceName} · kenmerk ${input.reference} · verzonden ${values.datum}`,
  };
}

/** The standalone HTML page of a letter. */
export const renderLetter = (input: LetterInput) => renderHtmlDocument(letterDocument(input));

/** File name of a letter: `voorstel-JPF-0001-2-3-belastingdienst.html`. */
export function letterFileName(input: Pick<LetterInput, 'reference' | 'creditorName'>, ext: 'html' | 'pdf') {
  const slug = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40);
  return `voorstel-${slug(input.reference)}-${slug(input.creditorName) || 'schuldeiser'}.${ext}`;
}
