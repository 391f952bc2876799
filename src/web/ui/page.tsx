import { createContext, useContext, useEffect, useRef, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { shellMessages } from '../messages';
import { useT } from '../i18n';
import { Heading } from './basics';

/**
 * Focus after client-side navigation: screen-reader and keyboard users land on the new page's
 * h1, as they would after a full page load reached the content. The very first load keeps the
 * browser's default so the skip link is the first tab stop.
 */
let focusPending = false;
let currentHeading: HTMLElement | null = null;

function focusHeading(el: HTMLElement) {
  el.focus({ preventScroll: false });
  focusPending = false;
}

/** Mount once in the layout: marks a navigation so the next page heading takes focus. */
let lastPathname: string | null = null;

export function useFocusOnNavigation() {
  const { pathname } = useLocation();
  useEffect(() => {
    const previous = lastPathname;
    lastPathname = pathname;
    if (previous === null || previous === pathname) return;
    focusPending = true;
    if (currentHeading && currentHeading.isConnected) focusHeading(currentHeading);
  }, [pathname]);
}

/** Extra parts of the document title (e.g. the workspace name), set by a layout. */
const TitleContext = createContext<string[]>([]);
export function TitleParts({ parts, children }: { parts: string[]; children: ReactNode }) {
  const outer = useContext(TitleContext);
  return <TitleContext.Provider value={[...parts, ...outer]}>{children}</TitleContext.Provider>;
}

/** The page's h1 and its <title>: "Partners – Nieuw-West Verbindt – dichter". */
export function PageHeading({ title, children }: { title: string; children?: ReactNode }) {
  const t = useT(shellMessages);
  const parts = useContext(TitleContext);
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = [title, ...parts.filter((p) => p !== title), t('title.suffix')].filter(Boolean).join(' – ');
  }, [title, parts, t]);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    currentHeading = el;
    if (focusPending) focusHeading(el);
    return () => {
      if (currentHeading === el) currentHeading = null;
    };
  }, []);
  return (
    <Heading level={1} ref={ref} tabIndex={-1} className="dichter-page-heading">
      {children ?? title}
    </Heading>
  );
}
