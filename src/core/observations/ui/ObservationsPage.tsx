import { lazy, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../../web/pages/NotFoundPage';
import { LoadError, Loading } from '../../../web/ui';
import ListPage from './ListPage';
import { useAbilities } from './shared';

const NewObservationPage = lazy(() => import('./NewObservationPage'));
const ObservationPage = lazy(() => import('./ObservationPage'));
const EditObservationPage = lazy(() => import('./EditObservationPage'));
const TemplatesPage = lazy(() => import('./TemplatesPage'));
const ImportPage = lazy(() => import('./ImportPage'));

/** A page only for members the server allows it (the list's `can`); others find nothing here. */
function Allowed({ ability, children }: { ability: 'create' | 'export' | 'import'; children: ReactNode }) {
  const abilities = useAbilities();
  if (abilities.isPending) return <Loading />;
  if (abilities.isError) return <LoadError error={abilities.error} onRetry={() => abilities.refetch()} />;
  return abilities.data[ability] ? children : <NotFoundPage />;
}

/** Everything under /w/:slug/waarnemingen. */
export default function ObservationsPage() {
  return (
    <Routes>
      <Route index element={<ListPage />} />
      <Route
        path="nieuw"
        element={
          <Allowed ability="create">
            <NewObservationPage />
          </Allowed>
        }
      />
      <Route
        path="importeren"
        element={
          <Allowed ability="import">
            <ImportPage />
          </Allowed>
        }
      />
      <Route path="standaardantwoorden" element={<TemplatesPage />} />
      <Route path=":observationId" element={<ObservationPage />} />
      <Route path=":observationId/wijzigen" element={<EditObservationPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
