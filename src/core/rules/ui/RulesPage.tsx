import { lazy, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../../web/pages/NotFoundPage';
import { LoadError, Loading } from '../../../web/ui';
import RegisterPage from './RegisterPage';
import { useAbilities } from './shared';

const RulePage = lazy(() => import('./RulePage'));
const RuleFormPage = lazy(() => import('./RuleFormPage'));
const DeviationFormPage = lazy(() => import('./DeviationFormPage'));
const DeviationPage = lazy(() => import('./DeviationPage'));
const PressurePage = lazy(() => import('./PressurePage'));
const ReviewPage = lazy(() => import('./ReviewPage'));
const LoadPage = lazy(() => import('./LoadPage'));
const ImportPage = lazy(() => import('./ImportPage'));

/** A page only for members the server allows it (the register's `can`); others find nothing here. */
function Allowed({ ability, children }: { ability: 'create' | 'import'; children: ReactNode }) {
  const abilities = useAbilities();
  if (abilities.isPending) return <Loading />;
  if (abilities.isError) return <LoadError error={abilities.error} onRetry={() => abilities.refetch()} />;
  return abilities.data[ability] ? children : <NotFoundPage />;
}

/** Everything under /w/:slug/regels. */
export default function RulesPage() {
  return (
    <Routes>
      <Route index element={<RegisterPage />} />
      <Route
        path="nieuw"
        element={
          <Allowed ability="create">
            <RuleFormPage />
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
      <Route path="druk" element={<PressurePage />} />
      <Route path="regeldruk" element={<LoadPage />} />
      <Route path=":ruleId" element={<RulePage />} />
      <Route path=":ruleId/wijzigen" element={<RuleFormPage />} />
      <Route path=":ruleId/afwijken" element={<DeviationFormPage />} />
      <Route path=":ruleId/besluit" element={<ReviewPage />} />
      <Route path=":ruleId/afwijkingen/:deviationId" element={<DeviationPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
