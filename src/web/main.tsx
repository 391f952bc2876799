import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import '@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css';
import '@rijkshuisstijl-community/design-tokens/dist/index.css';
import '@rijkshuisstijl-community/components-css/dist/index.css';
import './styles.css';
import { ApiError, setUnauthorizedHandler } from './api';
import { App } from './App';
import { LocaleProvider } from './i18n';
import { sessionKey, type SessionView } from './session';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // A 4xx will not get better by asking again.
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
    },
  },
});

// The session ended (expired, signed out elsewhere): forget the user; the layout shows the sign-in page.
setUnauthorizedHandler(() => {
  queryClient.setQueryData<SessionView>(sessionKey, (s) => (s ? { ...s, user: null, csrfToken: null } : s));
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LocaleProvider>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <App />
        </BrowserRouter>
      </QueryClientProvider>
    </LocaleProvider>
  </StrictMode>,
);
