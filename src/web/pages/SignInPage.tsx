import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import type { UserView } from '../../platform/auth/schema';
import { api, setCsrfToken } from '../api';
import { shellMessages } from '../messages';
import { useT } from '../i18n';
import { sessionKey, useSession, type SessionView } from '../session';
import { Button, ExternalLink, Heading, PageHeading, Paragraph, TextField, useFormErrors } from '../ui';

export default function SignInPage() {
  const t = useT(shellMessages);
  const session = useSession();
  const client = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const form = useFormErrors({
    email: { id: 'sign-in-email', label: t('signIn.email') },
    password: { id: 'sign-in-password', label: t('signIn.password') },
  });
  const signIn = useMutation({
    mutationFn: () => api.post<{ user: UserView; csrfToken: string }>('/api/auth/sign-in', { email, password }),
    onSuccess: (result) => {
      setCsrfToken(result.csrfToken);
      client.setQueryData<SessionView>(sessionKey, (s) => (s ? { ...s, user: result.user, csrfToken: result.csrfToken } : s));
      navigate(from && from.startsWith('/') && !from.startsWith('//') ? from : '/', { replace: true });
    },
    onError: (err) => form.setError(err),
  });
  if (session.data?.user && !signIn.isPending && !signIn.isSuccess) return <Navigate to="/" replace />;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (signIn.isPending) return;
    form.clear();
    signIn.mutate();
  };
  const oidc = session.data?.oidc;
  return (
    <div className="dichter-narrow">
      <PageHeading title={t('signIn.title')} />
      <Paragraph>{t('signIn.intro')}</Paragraph>
      {form.summary}
      <form onSubmit={submit} noValidate className="dichter-form">
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
        <Button type="submit" appearance="primary" busy={signIn.isPending}>
          {signIn.isPending ? t('signIn.busy') : t('signIn.submit')}
        </Button>
      </form>
      {oidc?.enabled && (
        <section className="dichter-section" aria-labelledby="sign-in-oidc">
          <Heading level={2} appearance={4} id="sign-in-oidc">
            {t('signIn.or')}
          </Heading>
          <Paragraph>
            <ExternalLink className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href="/api/auth/oidc/start">
              {oidc.label || t('signIn.oidcDefault')}
            </ExternalLink>
          </Paragraph>
        </section>
      )}
    </div>
  );
}
