import { lazy, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../../web/pages/NotFoundPage';
import { LoadError, Loading } from '../../../web/ui';
import AreaListPage from './AreaListPage';
import { useAreaAbilities, type AreaAbility } from './shared';

// The map and the import form carry the most code; load them only when asked for.
const AreaMapPage = lazy(() => import('./AreaMapPage'));
const ImportAreasPage = lazy(() => import('./ImportAreasPage'));
const NewAreaPage = lazy(() => import('./NewAreaPage'));
const AreaDetailPage = lazy(() => import('./AreaDetailPage'));

/** A page only for members the server allows `ability` (the list's `can`); others find nothing here. */
function Allowed({ ability, children }: { ability: AreaAbility; children: ReactNode }) {
  const abilities = useAreaAbilities();
  if (abilities.isPending) return <Loading />;
  if (abilities.isError) return <LoadError error={abilities.error} onRetry={() => abilities.refetch()} />;
  return abilities.data[ability] ? children : <NotFoundPage />;
}

/** Everything under /w/:slug/gebieden. */
export default function AreasPage() {
  return (
    <Routes>
      <Route index element={<AreaListPage />} />
      <Route path="kaart" element={<AreaMapPage />} />
      <Route
        path="import"
        element={
          <Allowed ability="import">
            <ImportAreasPage />
          </Allowed>
        }
      />
      <Route
        path="nieuw"
        element={
          <Allowed ability="create">
            <NewAreaPage />
          </Allowed>
        }
      />
      <Route path=":areaId" element={<AreaDetailPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
