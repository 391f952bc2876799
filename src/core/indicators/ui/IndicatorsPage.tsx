import { lazy, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../../web/pages/NotFoundPage';
import { Loading, LoadError } from '../../../web/ui';
import ListPage from './ListPage';
import { useIndicators } from './shared';

// The indicator page carries Observable Plot (large): it loads only when an indicator is opened.
const IndicatorPage = lazy(() => import('./IndicatorPage'));
const ImportPage = lazy(() => import('./ImportPage'));

/** The import only for members the server allows it (the list's `can.import`); others find nothing here. */
function MayImport({ children }: { children: ReactNode }) {
  const list = useIndicators();
  if (list.isPending) return <Loading />;
  if (list.isError) return <LoadError error={list.error} onRetry={() => list.refetch()} />;
  return list.data.can.import ? children : <NotFoundPage />;
}

/** Everything under /w/:slug/indicatoren: the list, the import and one indicator with its analyses. */
export default function IndicatorsPage() {
  return (
    <Routes>
      <Route index element={<ListPage />} />
      <Route
        path="importeren"
        element={
          <MayImport>
            <ImportPage />
          </MayImport>
        }
      />
      <Route path=":code" element={<IndicatorPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
