import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../../web/pages/NotFoundPage';
import AreaListPage from './AreaListPage';

// The map and the import form carry the most code; load them only when asked for.
const AreaMapPage = lazy(() => import('./AreaMapPage'));
const ImportAreasPage = lazy(() => import('./ImportAreasPage'));
const NewAreaPage = lazy(() => import('./NewAreaPage'));
const AreaDetailPage = lazy(() => import('./AreaDetailPage'));

/** Everything under /w/:slug/gebieden. */
export default function AreasPage() {
  return (
    <Routes>
      <Route index element={<AreaListPage />} />
      <Route path="kaart" element={<AreaMapPage />} />
      <Route path="import" element={<ImportAreasPage />} />
      <Route path="nieuw" element={<NewAreaPage />} />
      <Route path=":areaId" element={<AreaDetailPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
