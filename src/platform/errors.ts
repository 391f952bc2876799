export type Locale = 'nl' | 'en';
export const LOCALES: readonly Locale[] = ['nl', 'en'];

/** One entry per stable error id: the HTTP status at the edge and the message per language. */
export interface ErrorDefinition {
  status: 400 | 401 | 403 | 404 | 409 | 413 | 414 | 415 | 422 | 423 | 429 | 500 | 503;
  nl: string;
  en: string;
}
export type ErrorCatalogue = Record<string, ErrorDefinition>;

export interface FieldError {
  path: string;
  /** A message key from a catalogue, or an already localised text. */
  message: string;
}

/**
 * A domain error: a stable id (`workspace.slug_taken`), parameters for the message and,
 * for invalid input, errors per field. Services throw these; they know nothing of HTTP.
 */
export class DomainError extends Error {
  constructor(
    public readonly id: string,
    public readonly params: Record<string, string | number> = {},
    public readonly fields: FieldError[] = [],
  ) {
    super(id);
    this.name = 'DomainError';
  }
}

/** Errors of the platform itself. Modules bring their own catalogue in their manifest. */
export const platformErrors: ErrorCatalogue = {
  'request.invalid': { status: 400, nl: 'De invoer is niet geldig. Controleer de gemarkeerde velden.', en: 'The input is not valid. Check the marked fields.' },
  'request.malformed': { status: 400, nl: 'Het verzoek kon niet worden gelezen (geen geldige JSON).', en: 'The request could not be read (not valid JSON).' },
  'request.unsupported_media_type': { status: 415, nl: 'Dit type inhoud wordt niet ondersteund; stuur JSON.', en: 'This content type is not supported; send JSON.' },
  'request.uri_too_long': { status: 414, nl: 'Het adres is te lang.', en: 'The address is too long.' },
  'request.too_large': { status: 413, nl: 'Het verzoek is te groot.', en: 'The request is too large.' },
  'request.rate_limited': { status: 429, nl: 'Te veel verzoeken. Probeer het over {seconds} seconden opnieuw.', en: 'Too many requests. Try again in {seconds} seconds.' },
  'route.not_found': { status: 404, nl: 'Deze pagina of dit adres bestaat niet.', en: 'This page or address does not exist.' },
  'server.error': { status: 500, nl: 'Er ging iets mis aan onze kant. Probeer het later opnieuw; de beheerder kan het voorval terugvinden met kenmerk {reference}.', en: 'Something went wrong on our side. Try again later; the administrator can find it with reference {reference}.' },
  'document.pdf_unavailable': {
    status: 503,
    nl: 'Een PDF maken kan hier niet: Chromium staat niet op de server (installeer het pakket chromium, of wijs het aan met DICHTER_CHROMIUM). Open de HTML-versie en kies Afdrukken → Opslaan als PDF.',
    en: 'A PDF cannot be made here: Chromium is not installed on the server (install the chromium package, or point DICHTER_CHROMIUM at it). Open the HTML version and choose Print → Save as PDF.',
  },
  'server.unavailable': { status: 503, nl: 'De database is tijdelijk niet bereikbaar.', en: 'The database is temporarily unavailable.' },
  // Tenancy is the platform's: a non-member is told the workspace does not exist.
  'workspace.not_found': { status: 404, nl: 'Deze werkruimte bestaat niet, of u bent er geen lid van.', en: 'This workspace does not exist, or you are not a member.' },
  'auth.required': { status: 401, nl: 'U bent niet ingelogd.', en: 'You are not signed in.' },
  'auth.invalid_credentials': { status: 401, nl: 'Het e-mailadres of wachtwoord klopt niet.', en: 'The e-mail address or password is incorrect.' },
  'auth.invalid_token': { status: 401, nl: 'Het API-token is ongeldig of ingetrokken.', en: 'The API token is invalid or revoked.' },
  'auth.csrf': { status: 403, nl: 'De beveiligingscontrole (CSRF) van dit formulier mislukte. Laad de pagina opnieuw.', en: 'The security check (CSRF) of this form failed. Reload the page.' },
  'auth.forbidden': { status: 403, nl: 'U heeft geen toestemming voor deze handeling.', en: 'You are not allowed to do this.' },
  'auth.admin_required': { status: 403, nl: 'Alleen een beheerder van dichter mag dit doen.', en: 'Only a dichter administrator may do this.' },
  'auth.oidc_not_configured': { status: 404, nl: 'Inloggen via de organisatie (OpenID Connect) is niet ingesteld.', en: 'Organisation sign-in (OpenID Connect) is not configured.' },
  'auth.oidc_failed': { status: 401, nl: 'Inloggen via uw organisatie is mislukt. Probeer het opnieuw.', en: 'Signing in with your organisation failed. Please try again.' },
  'auth.oidc_no_email': { status: 401, nl: 'Uw organisatie gaf geen geverifieerd e-mailadres door; daarmee kunnen wij u niet herkennen.', en: 'Your organisation did not share a verified e-mail address, so we cannot recognise you.' },
  'user.email_taken': { status: 409, nl: 'Er bestaat al een account met dit e-mailadres.', en: 'An account with this e-mail address already exists.' },
  'user.not_found': { status: 404, nl: 'Dit account bestaat niet.', en: 'This account does not exist.' },
  'token.not_found': { status: 404, nl: 'Dit API-token bestaat niet.', en: 'This API token does not exist.' },
};
