import { refreshAfterWrite } from '../queries';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { api, type List } from '../api';
import { shellMessages } from '../messages';
import { useFormat, useT } from '../i18n';
import {
  Alert,
  Button,
  ConfirmDialog,
  EmptyState,
  errorMessage,
  Heading,
  LoadError,
  Loading,
  PageHeading,
  Paragraph,
  RowHeader,
  Table,
  TBody,
  Td,
  TextField,
  Th,
  THead,
  Tr,
  useFormErrors,
  useNotify,
} from '../ui';

interface TokenView {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export default function TokensPage() {
  const t = useT(shellMessages);
  const f = useFormat();
  const client = useQueryClient();
  const notify = useNotify();
  const tokens = useQuery({ queryKey: ['me', 'tokens'], queryFn: () => api.get<List<TokenView>>('/api/me/tokens') });
  const [name, setName] = useState('');
  const [created, setCreated] = useState<(TokenView & { token: string }) | null>(null);
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const [revoking, setRevoking] = useState<TokenView | null>(null);
  const createdHeading = useRef<HTMLHeadingElement>(null);
  const form = useFormErrors({ name: { id: 'token-name', label: t('tokens.name') } });
  const create = useMutation({
    mutationFn: () => api.post<TokenView & { token: string }>('/api/me/tokens', { name }),
    onSuccess: async (token) => {
      setCreated(token);
      setCopyState('idle');
      setName('');
      await refreshAfterWrite(client, { queryKey: ['me', 'tokens'] });
      requestAnimationFrame(() => createdHeading.current?.focus());
    },
    onError: (err) => form.setError(err),
  });
  const revoke = useMutation({
    mutationFn: (token: TokenView) => api.delete<TokenView>(`/api/me/tokens/${token.id}`),
    onSuccess: async (_r, token) => {
      setRevoking(null);
      await refreshAfterWrite(client, { queryKey: ['me', 'tokens'] });
      notify(t('tokens.revoked.notice', { name: token.name }));
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (create.isPending) return;
    form.clear();
    create.mutate();
  };
  const copy = async () => {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.token);
      setCopyState('copied');
    } catch {
      setCopyState('failed');
    }
  };
  return (
    <>
      <PageHeading title={t('tokens.title')} />
      <Paragraph>{t('tokens.intro')}</Paragraph>

      {created && (
        <Alert type="warning" className="dichter-section">
          <Heading level={2} appearance={4} ref={createdHeading} tabIndex={-1}>
            {t('tokens.createdTitle')}
          </Heading>
          <Paragraph>{t('tokens.createdBody')}</Paragraph>
          <TextField id="token-value" label={t('tokens.tokenLabel')} readOnly value={created.token} className="dichter-code" onFocus={(e) => e.currentTarget.select()} />
          <Button onClick={copy}>{t('tokens.copy')}</Button>
          <p className="nl-paragraph" role="status">
            {copyState === 'copied' ? t('tokens.copied') : copyState === 'failed' ? t('tokens.copyFailed') : ''}
          </p>
        </Alert>
      )}

      <section className="dichter-section" aria-labelledby="tokens-create">
        <Heading level={2} id="tokens-create">
          {t('tokens.create')}
        </Heading>
        {form.summary}
        <form onSubmit={submit} noValidate className="dichter-form">
          <TextField id="token-name" label={t('tokens.name')} description={t('tokens.nameDescription')} value={name} onChange={(e) => setName(e.target.value)} error={form.fieldError('name')} maxLength={100} />
          <Button type="submit" appearance="primary" busy={create.isPending}>
            {create.isPending ? t('common.saving') : t('tokens.create')}
          </Button>
        </form>
      </section>

      <section className="dichter-section" aria-labelledby="tokens-list">
        <Heading level={2} id="tokens-list">
          {t('tokens.listCaption')}
        </Heading>
        {tokens.isPending ? (
          <Loading />
        ) : tokens.isError ? (
          <LoadError error={tokens.error} onRetry={() => tokens.refetch()} />
        ) : tokens.data.items.length === 0 ? (
          <EmptyState title={t('tokens.emptyTitle')}>
            <Paragraph>{t('tokens.empty')}</Paragraph>
          </EmptyState>
        ) : (
          <Table caption={t('tokens.listCaption')} captionHidden>
            <THead>
              <Th>{t('tokens.name')}</Th>
              <Th>{t('tokens.prefix')}</Th>
              <Th>{t('tokens.created')}</Th>
              <Th>{t('tokens.lastUsed')}</Th>
              <Th>{t('tokens.status')}</Th>
              <Th>{t('common.actions')}</Th>
            </THead>
            <TBody>
              {tokens.data.items.map((token) => (
                <Tr key={token.id}>
                  <RowHeader>{token.name}</RowHeader>
                  <Td>
                    <code className="dichter-code">{token.prefix}…</code>
                  </Td>
                  <Td>{f.dateTime(token.createdAt)}</Td>
                  <Td>{token.lastUsedAt ? f.dateTime(token.lastUsedAt) : t('tokens.never')}</Td>
                  <Td>{token.revokedAt ? t('tokens.revoked', { date: f.date(token.revokedAt) }) : t('tokens.active')}</Td>
                  <Td>
                    {!token.revokedAt && (
                      <Button appearance="danger" aria-label={t('tokens.revokeNamed', { name: token.name })} onClick={() => setRevoking(token)}>
                        {t('tokens.revoke')}
                      </Button>
                    )}
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </section>

      <ConfirmDialog
        open={!!revoking}
        body={revoking ? t('tokens.revokeConfirm', { name: revoking.name }) : ''}
        confirmLabel={t('tokens.revoke')}
        busy={revoke.isPending}
        error={revoke.isError ? <Alert type="error">{errorMessage(revoke.error, t)}</Alert> : undefined}
        onConfirm={() => revoking && revoke.mutate(revoking)}
        onCancel={() => {
          setRevoking(null);
          revoke.reset();
        }}
      />
    </>
  );
}
