import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, wsPath } from '../../../web/api';
import { useT } from '../../../web/i18n';
import { shellMessages } from '../../../web/messages';
import { refreshAfterWrite } from '../../../web/queries';
import { BackLink, Button, ButtonGroup, EmptyState, Form, Heading, Loaded, PageHeading, Paragraph, Section, SubmitButton, TextAreaField, TextField, useConfirmedAction, useFormSubmit, useNotify } from '../../../web/ui';
import { usePagePath, useWorkspace } from '../../../web/workspace';
import { m } from './messages';
import { focusSoon, observationKeys, PlainText, useTemplates, type TemplateView } from './shared';
import './observations.css';

/** Title and text of a standard answer; `prefix` keeps the ids of several forms on one page apart. */
function TemplateForm({ prefix, initial, submitLabel, send, onSaved, onCancel }: { prefix: string; initial: { title: string; body: string }; submitLabel: string; send(body: { title: string; body: string }): Promise<TemplateView>; onSaved(saved: TemplateView): unknown; onCancel?(): void }) {
  const t = useT(m);
  const ts = useT(shellMessages);
  const [title, setTitle] = useState(initial.title);
  const [body, setBody] = useState(initial.body);
  const fields = { title: { id: `${prefix}-title`, label: t('templates.fieldTitle') }, body: { id: `${prefix}-body`, label: t('templates.fieldBody') } };
  const form = useFormSubmit({ fields, send: () => send({ title, body }), onSaved });
  return (
    <Form form={form}>
      <TextField id={`${prefix}-title`} label={t('templates.fieldTitle')} description={t('templates.fieldTitleHelp')} value={title} maxLength={120} onChange={(e) => setTitle(e.target.value)} error={form.fieldError('title')} />
      <TextAreaField id={`${prefix}-body`} label={t('templates.fieldBody')} description={t('templates.fieldBodyHelp')} rows={6} value={body} maxLength={10_000} onChange={(e) => setBody(e.target.value)} error={form.fieldError('body')} />
      <ButtonGroup>
        <SubmitButton busy={form.busy}>{submitLabel}</SubmitButton>
        {onCancel && (
          <Button appearance="subtle" onClick={onCancel}>
            {ts('common.cancel')}
          </Button>
        )}
      </ButtonGroup>
    </Form>
  );
}

function TemplateItem({ item, manage, onDelete }: { item: TemplateView; manage: boolean; onDelete(item: TemplateView): void }) {
  const t = useT(m);
  const ts = useT(shellMessages);
  const { workspace } = useWorkspace();
  const client = useQueryClient();
  const notify = useNotify();
  const [editing, setEditing] = useState(false);
  const editId = `obs-template-edit-${item.id}`;
  return (
    <li className="obs-card">
      <Heading level={3} appearance={5} className="obs-card__title">
        {item.title}
      </Heading>
      {editing ? (
        <TemplateForm
          prefix={`obs-template-${item.id}`}
          initial={item}
          submitLabel={ts('common.save')}
          send={(body) => api.patch<TemplateView>(wsPath(workspace.slug, `observation-templates/${item.id}`), body)}
          onSaved={async (saved) => {
            setEditing(false);
            await refreshAfterWrite(client, { queryKey: observationKeys.templates(workspace.slug) });
            notify(t('templates.saved', { title: saved.title }));
            focusSoon(editId);
          }}
          onCancel={() => {
            setEditing(false);
            focusSoon(editId);
          }}
        />
      ) : (
        <>
          <PlainText text={item.body} />
          {manage && (
            <ButtonGroup>
              <Button
                id={editId}
                aria-label={`${ts('common.edit')}: ${item.title}`}
                onClick={() => {
                  setEditing(true);
                  focusSoon(`obs-template-${item.id}-title`);
                }}
              >
                {ts('common.edit')}
              </Button>
              <Button appearance="danger" aria-label={`${ts('common.delete')}: ${item.title}`} onClick={() => onDelete(item)}>
                {ts('common.delete')}
              </Button>
            </ButtonGroup>
          )}
        </>
      )}
    </li>
  );
}

/** The workspace's standard answers: ready texts to insert when answering a signal or bottleneck. */
export default function TemplatesPage() {
  const t = useT(m);
  const { workspace } = useWorkspace();
  const page = usePagePath();
  const client = useQueryClient();
  const notify = useNotify();
  const templates = useTemplates();
  const [adding, setAdding] = useState(0);
  const remove = useConfirmedAction<TemplateView>({
    action: (item) => api.delete(wsPath(workspace.slug, `observation-templates/${item.id}`)),
    onDone: async (item) => {
      await refreshAfterWrite(client, { queryKey: observationKeys.templates(workspace.slug) });
      notify(t('templates.deleted', { title: item.title }));
      focusSoon('obs-templates-list');
    },
  });
  return (
    <>
      <BackLink to={page('waarnemingen')}>{t('back.list')}</BackLink>
      <PageHeading title={t('templates.title')} />
      <Paragraph>{t('templates.intro')}</Paragraph>
      <Loaded query={templates}>
        {(data) => (
          <>
            <Section id="obs-templates-list" title={t('templates.listTitle', { count: data.total })}>
              {data.total === 0 ? (
                <EmptyState title={t('templates.emptyTitle')}>
                  <Paragraph>{data.can.manage ? t('templates.empty') : t('templates.emptyReader')}</Paragraph>
                </EmptyState>
              ) : (
                <ul className="obs-cards obs-cards--list">
                  {data.items.map((item) => (
                    <TemplateItem key={item.id} item={item} manage={data.can.manage} onDelete={remove.ask} />
                  ))}
                </ul>
              )}
            </Section>
            {data.can.manage && (
              <Section id="obs-templates-add" title={t('templates.add')}>
                <div className="dichter-narrow">
                  <TemplateForm
                    key={adding}
                    prefix="obs-template-new"
                    initial={{ title: '', body: '' }}
                    submitLabel={t('templates.addSubmit')}
                    send={(body) => api.post<TemplateView>(wsPath(workspace.slug, 'observation-templates'), body)}
                    onSaved={async (saved) => {
                      await refreshAfterWrite(client, { queryKey: observationKeys.templates(workspace.slug) });
                      setAdding((n) => n + 1);
                      notify(t('templates.added', { title: saved.title }));
                      focusSoon('obs-templates-list');
                    }}
                  />
                </div>
              </Section>
            )}
            {remove.dialog((item) => ({ title: t('templates.deleteTitle', { title: item.title }), body: t('templates.deleteBody'), confirmLabel: t('templates.deleteConfirm') }))}
          </>
        )}
      </Loaded>
    </>
  );
}
