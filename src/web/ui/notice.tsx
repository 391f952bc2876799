import { useCallback } from 'react';
import { useLocation, useNavigate, type To } from 'react-router';
import { Alert } from './basics';

interface NoticeState {
  notice?: string;
}

/**
 * "Partner toegevoegd." after an action: carried in the navigation state, so it shows on the page
 * the user lands on and disappears on the next navigation.
 */
export function NoticeArea() {
  const location = useLocation();
  const notice = (location.state as NoticeState | null)?.notice;
  return (
    <div role="status" className="dichter-notice-area">
      {notice && (
        <Alert type="ok" key={location.key}>
          <p className="nl-paragraph">{notice}</p>
        </Alert>
      )}
    </div>
  );
}

/** Navigate (or stay) and show a confirmation. */
export function useNotify() {
  const navigate = useNavigate();
  const location = useLocation();
  return useCallback(
    (notice: string, to?: To) => {
      if (to === undefined) navigate({ pathname: location.pathname, search: location.search }, { replace: true, state: { notice } });
      else navigate(to, { state: { notice } });
    },
    [navigate, location.pathname, location.search],
  );
}
