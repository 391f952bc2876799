import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { api, type List } from '../api';
import { shellMessages } from '../messages';
import { refreshAfterWrite } from '../queries';
import { useFormat, useT } from '../i18n';
import { Alert, Button, DataTable, EmptyState, Form, Heading, Loaded, noItems, PageHeading, Paragraph, Section, SubmitButton, TextField, useConfirmedAction, useFormSubmit, useNotify } from '../ui';

interface TokenView {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const tokensKey = ['me', 'tokens'];

export default function TokensPage() {
  const t = useT(shellMessages);
  const f = useFormat();
  const client = useQueryClient();
  const notify = useNotify();
  const tokens = useQuery({ queryKey: tokensKey, queryFn: () => api.get<List<TokenView>>('/api/me/tokens') });
  const [name, setName] = useState('');
  const [created, setCreated] = useState<(TokenView & { token: string }) | null>(null);
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const createdHeading = useRef<HTMLHeadingElement>(null);
  const form = useFormSubmit({
    fields: { name: { id: 'token-name', label: t('tokens.name') } },
    send: () => api.post<TokenView & { token: string }>('/api/me/tokens', { name }),
    onSaved: async (token) => {
      setCreated(token);
      setCopyState('idle');
      setName('');
      await refreshAfterWrite(client, { queryKey: tokensKey });
      requestAnimationFrame(() => createdHeading.current?.focus());
    },
  });
  const revoke = useConfirmedAction({
    action: (token: TokenView) => api.delete<TokenView>(`/api/me/tokens/${token.id}`),
    onDone: async (token) => {
      await refreshAfterWrite(client, { queryKey: tokensKey });
      notify(t('tokens.revoked.notice', { name: token.name }));
    },
  });
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

      <Section id="tokens-create" title={t('tokens.create')}>
        <Form form={form}>
          <TextField id="token-name" label={t('tokens.name')} description={t('tokens.nameDescription')} value={name} onChange={(e) => setName(e.target.value)} error={form.fieldError('name')} maxLength={100} />
          <SubmitButton busy={form.busy}>{t('tokens.create')}</SubmitButton>
        </Form>
      </Section>

      <Section id="tokens-list" title={t('tokens.listCaption')}>
        <Loaded
          query={tokens}
          isEmpty={noItems}
          empty={
            <EmptyState title={t('tokens.emptyTitle')}>
              <Paragraph>{t('tokens.empty')}</Paragraph>
            </EmptyState>
          }
        >
          {(data) => (
            <DataTable
              caption={t('tokens.listCaption')}
              captionHidden
              rows={data.items}
              rowKey={(token) => token.id}
              columns={[
                { header: t('tokens.name'), rowHeader: true, cell: (token) => token.name },
                { header: t('tokens.prefix'), cell: (token) => <code className="dichter-code">{token.prefix}…</code> },
                { header: t('tokens.created'), cell: (token) => f.dateTime(token.createdAt) },
                { header: t('tokens.lastUsed'), cell: (token) => (token.lastUsedAt ? f.dateTime(token.lastUsedAt) : t('tokens.never')) },
                { header: t('tokens.status'), cell: (token) => (token.revokedAt ? t('tokens.revoked', { date: f.date(token.revokedAt) }) : t('tokens.active')) },
                {
                  header: t('common.actions'),
                  cell: (token) =>
                    !token.revokedAt && (
                      <Button appearance="danger" aria-label={t('tokens.revokeNamed', { name: token.name })} onClick={() => revoke.ask(token)}>
                        {t('tokens.revoke')}
                      </Button>
                    ),
                },
              ]}
            />
          )}
        </Loaded>
      </Section>

      {revoke.dialog((token) => ({ body: t('tokens.revokeConfirm', { name: token.name }), confirmLabel: t('tokens.revoke') }))}
    </>
  );
}
