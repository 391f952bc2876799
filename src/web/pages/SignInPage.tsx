import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import type { UserView } from '../../platform/auth/schema';
import { api, setCsrfToken } from '../api';
import { shellMessages } from '../messages';
import { useT } from '../i18n';
import { sessionKey, useSession, type SessionView } from '../session';
import { ExternalLink, Form, PageHeading, Paragraph, Section, SubmitButton, TextField, useFormSubmit } from '../ui';

export default function SignInPage() {
  const t = useT(shellMessages);
  const session = useSession();
  const client = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const form = useFormSubmit({
    fields: {
      email: { id: 'sign-in-email', label: t('signIn.email') },
      password: { id: 'sign-in-password', label: t('signIn.password') },
    },
    send: () => api.post<{ user: UserView; csrfToken: string }>('/api/auth/sign-in', { email, password }),
    onSaved: (result) => {
      setCsrfToken(result.csrfToken);
      client.setQueryData<SessionView>(sessionKey, (s) => (s ? { ...s, user: result.user, csrfToken: result.csrfToken } : s));
      navigate(from && from.startsWith('/') && !from.startsWith('//') ? from : '/', { replace: true });
    },
  });
  if (session.data?.user && !form.busy && !form.mutation.isSuccess) return <Navigate to="/" replace />;
  const oidc = session.data?.oidc;
  return (
    <div className="dichter-narrow">
      <PageHeading title={t('signIn.title')} />
      <Paragraph>{t('signIn.intro')}</Paragraph>
      <Form form={form}>
        <TextField
          id="sign-in-email"
          label={t('signIn.email')}
          type="email"
          name="email"
          autoComplete="username"
          inputMode="email"
          spellCheck={false}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={form.fieldError('email')}
        />
        <TextField
          id="sign-in-password"
          label={t('signIn.password')}
          type="password"
          name="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={form.fieldError('password')}
        />
        <SubmitButton busy={form.busy} busyLabel={t('signIn.busy')}>
          {t('signIn.submit')}
        </SubmitButton>
      </Form>
      {oidc?.enabled && (
        <Section id="sign-in-oidc" title={t('signIn.or')} appearance={4}>
          <Paragraph>
            <ExternalLink className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href="/api/auth/oidc/start">
              {oidc.label || t('signIn.oidcDefault')}
            </ExternalLink>
          </Paragraph>
        </Section>
      )}
    </div>
  );
}
