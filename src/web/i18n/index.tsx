import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';

export type Locale = 'nl' | 'en';
export const LOCALES: readonly Locale[] = ['nl', 'en'];

/**
 * A bundle of texts in both languages. The English half must have exactly the Dutch keys,
 * so a missing translation fails at compile time.
 */
export interface Messages<K extends string> {
  nl: Record<K, string>;
  en: Record<K, string>;
}

export function defineMessages<const T extends Record<string, string>>(nl: T, en: { [K in keyof T]: string }): Messages<keyof T & string> {
  return { nl, en } as Messages<keyof T & string>;
}

export type Translate<K extends string> = (key: K, params?: Record<string, string | number>) => string;

const STORAGE_KEY = 'dichter.locale';

/** The language chosen earlier on this device, if any. */
function storedLocale(): Locale | null {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === 'nl' || stored === 'en') return stored;
  } catch {
    // Storage may be blocked: nothing was remembered.
  }
  return null;
}

interface LocaleState {
  locale: Locale;
  /** The reader's own choice: applied at once and remembered on this device. */
  setLocale(locale: Locale): void;
  /**
   * A language from elsewhere (the account, the workspace): applied unless the reader chose a
   * language on this device, which always wins.
   */
  suggestLocale(locale: Locale): void;
}

const LocaleContext = createContext<LocaleState>({ locale: 'nl', setLocale: () => {}, suggestLocale: () => {} });

const listeners = new Set<(locale: Locale) => void>();
/** Lets non-React code (the API client) follow the chosen language. */
export function onLocaleChange(listener: (locale: Locale) => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Until the account or workspace says otherwise, the remembered language, else Dutch. */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const chosen = useRef(storedLocale() !== null);
  const [locale, setState] = useState<Locale>(() => {
    const l = storedLocale() ?? 'nl';
    document.documentElement.lang = l;
    for (const fn of listeners) fn(l);
    return l;
  });
  const apply = useCallback((next: Locale) => {
    document.documentElement.lang = next;
    for (const fn of listeners) fn(next);
    setState(next);
  }, []);
  const setLocale = useCallback(
    (next: Locale) => {
      chosen.current = true;
      try {
        localStorage.setItem(STORAGE_KEY, next);
      } catch {
        // Not remembered, but still switched.
      }
      apply(next);
    },
    [apply],
  );
  const suggestLocale = useCallback(
    (next: Locale) => {
      if (!chosen.current) apply(next);
    },
    [apply],
  );
  const value = useMemo(() => ({ locale, setLocale, suggestLocale }), [locale, setLocale, suggestLocale]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale() {
  return useContext(LocaleContext);
}

export function interpolate(template: string, params?: Record<string, string | number>) {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (params[key] === undefined ? whole : String(params[key])));
}

/** Returns `t(key, params)` for a message bundle in the current language. */
export function useT<K extends string>(messages: Messages<K>): Translate<K> {
  const { locale } = useLocale();
  return useCallback((key: K, params?: Record<string, string | number>) => interpolate(messages[locale][key] ?? key, params), [locale, messages]);
}

/** Dates and numbers in the user's language. */
export function useFormat() {
  const { locale } = useLocale();
  return useMemo(() => {
    const tag = locale === 'nl' ? 'nl-NL' : 'en-GB';
    const date = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric' });
    // A calendar date (YYYY-MM-DD) has no time zone: format it as written.
    const day = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    const dateTime = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
    const number = new Intl.NumberFormat(tag);
    return {
      date: (value: string | Date) =>
        typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? day.format(new Date(`${value}T00:00:00Z`)) : date.format(typeof value === 'string' ? new Date(value) : value),
      dateTime: (value: string | Date) => dateTime.format(typeof value === 'string' ? new Date(value) : value),
      number: (value: number) => number.format(value),
    };
  }, [locale]);
}
