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
