import { lazy, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../../web/pages/NotFoundPage';
import { LoadError, Loading } from '../../../web/ui';
import { useTree } from './shared';
import TreePage from './TreePage';

const NodePage = lazy(() => import('./NodePage'));
const NewNodePage = lazy(() => import('./NewNodePage'));
const TheoryPage = lazy(() => import('./TheoryPage'));
const ImportPage = lazy(() => import('./ImportPage'));
const CheckPage = lazy(() => import('./CheckPage'));

/** A page only for members the server allows it (the tree's `can`); others find nothing here. */
function Allowed({ ability, children }: { ability: 'manage' | 'import'; children: ReactNode }) {
  const tree = useTree();
  if (tree.isPending) return <Loading />;
  if (tree.isError) return <LoadError error={tree.error} onRetry={() => tree.refetch()} />;
  return tree.data.can[ability] ? children : <NotFoundPage />;
}

/** Everything under /w/:slug/ladder. */
export default function LadderPage() {
  return (
    <Routes>
      <Route index element={<TreePage />} />
      <Route
        path="nieuw"
        element={
          <Allowed ability="manage">
            <NewNodePage />
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
      <Route path="controle" element={<CheckPage />} />
      <Route path="knoop/:nodeId" element={<NodePage />} />
      <Route path="knoop/:nodeId/theorie" element={<TheoryPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
