import { useEffect, useState, useSyncExternalStore } from 'react';

/** A filter form's values, edited freely and reset whenever the URL brings other values. */
export function useDraft<T extends Record<string, string>>(fromUrl: T) {
  const [draft, setDraft] = useState(fromUrl);
  const key = JSON.stringify(fromUrl);
  // `key` stands for the values: a new object with the same values is no reason to reset.
  useEffect(() => setDraft(fromUrl), [key]);
  return [draft, setDraft] as const;
}

const NARROW = '(max-width: 40em)';
const subscribeNarrow = (onChange: () => void) => {
  const query = window.matchMedia(NARROW);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
};

/** Whether the screen is phone-sized: lists and tables show as cards there. */
export function useNarrowScreen() {
  return useSyncExternalStore(subscribeNarrow, () => window.matchMedia(NARROW).matches, () => false);
}

/** Moves focus once the page has re-rendered (an element that is not focusable gets tabindex="-1"). */
export function focusSoon(target: string | (() => HTMLElement | null)) {
  setTimeout(() => {
    const el = typeof target === 'string' ? document.getElementById(target) : target();
    if (!el) return;
    if (!el.matches('a[href], button, input, select, textarea, [tabindex]')) el.setAttribute('tabindex', '-1');
    el.focus();
  }, 0);
}

/** The page's h1 (PageHeading), for focus after an action that replaces the part the focus was in. */
export const pageHeading = () => document.querySelector<HTMLElement>('h1.dichter-page-heading');
