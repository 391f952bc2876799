import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { shellMessages } from '../messages';
import { useFormat, useT } from '../i18n';
import { Button } from './basics';

/** Previous / next with "21–40 of 312"; the page itself lives in the URL (?page=). */
export function Pagination({ total, limit, offset, onOffset }: { total: number; limit: number; offset: number; onOffset(offset: number): void }) {
  const t = useT(shellMessages);
  const f = useFormat();
  if (total <= limit && offset === 0) return null;
  const page = Math.floor(offset / limit) + 1;
  const pages = Math.max(1, Math.ceil(total / limit));
  return (
    <nav className="dichter-pagination" aria-label={t('common.pagination')}>
      <Button appearance="secondary" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - limit))}>
        {t('common.previous')}
      </Button>
      <span className="dichter-pagination__status" aria-live="polite">
        {t('common.pageOf', { page, pages })} ({t('common.showing', { from: f.number(Math.min(total, offset + 1)), to: f.number(Math.min(total, offset + limit)), total: f.number(total) })})
      </span>
      <Button appearance="secondary" disabled={offset + limit >= total} onClick={() => onOffset(offset + limit)}>
        {t('common.next')}
      </Button>
    </nav>
  );
}

/** Where a paged list starts, kept in the URL (`?vanaf=50`) so a page can be shared and survives a reload. */
export function useUrlOffset() {
  const [params, setParams] = useSearchParams();
  const offset = Math.max(0, Number(params.get('vanaf')) || 0);
  const setOffset = useCallback(
    (next: number) => {
      const p = new URLSearchParams(params);
      if (next) p.set('vanaf', String(next));
      else p.delete('vanaf');
      setParams(p);
    },
    [params, setParams],
  );
  return [offset, setOffset] as const;
}

/** `Pagination` for a list whose offset lives in the URL (`useUrlOffset`). */
export function UrlPagination({ total, limit }: { total: number; limit: number }) {
  const [offset, setOffset] = useUrlOffset();
  return <Pagination total={total} limit={limit} offset={offset} onOffset={setOffset} />;
}
