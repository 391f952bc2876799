import { refreshAfterWrite } from '../../../web/queries';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../web/api';
import { useT } from '../../../web/i18n';
import { shellMessages } from '../../../web/messages';
import { ButtonGroup, ButtonLink, Form, PageHeading, Paragraph, SubmitButton, TextField, useFormSubmit, useNotify } from '../../../web/ui';
import { workspaceKeys, type WorkspaceView } from '../../../web/workspace';
import { suggestSlug } from './labels';
import { m } from './messages';
import { fieldIds, toBody, useFieldRefs, WorkspaceSettingsFields, type WorkspaceSettings } from './WorkspaceFields';

export default function NewWorkspacePage() {
  const t = useT(m);
  const ts = useT(shellMessages);
  const client = useQueryClient();
  const notify = useNotify();
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [slugTouched, setSlugTouched] = useState(false);
  const [settings, setSettings] = useState<WorkspaceSettings>({ name: '', description: '', responseDays: '10', defaultLocale: 'nl', theme: 'voorbeeld' });
  const form = useFormSubmit({
    fields: useFieldRefs(),
    errorFields: { 'workspace.slug_taken': 'slug' },
    send: () => api.post<WorkspaceView>('/api/workspaces', { ...toBody({ ...settings, name }), slug }),
    onSaved: async (workspace) => {
      await refreshAfterWrite(client, { queryKey: workspaceKeys.all });
      notify(t('new.created', { name: workspace.name }), `/w/${workspace.slug}`);
    },
  });
  return (
    <div className="dichter-narrow">
      <PageHeading title={t('new.title')} />
      <Paragraph>{t('new.intro')}</Paragraph>
      <Form form={form}>
        <TextField
          id={fieldIds.name}
          label={t('field.name')}
          description={t('field.nameDescription')}
          value={name}
          maxLength={120}
          onChange={(e) => {
            setName(e.target.value);
            if (!slugTouched) setSlug(suggestSlug(e.target.value));
          }}
          error={form.fieldError('name')}
        />
        <TextField
          id={fieldIds.slug}
          label={t('field.slug')}
          description={t('field.slugDescription', { slug: slug || '…' })}
          value={slug}
          spellCheck={false}
          autoCapitalize="none"
          onChange={(e) => {
            setSlug(e.target.value);
            setSlugTouched(true);
          }}
          error={form.fieldError('slug')}
        />
        <WorkspaceSettingsFields values={settings} onChange={setSettings} error={form.fieldError} />
        <ButtonGroup>
          <SubmitButton busy={form.busy}>{t('new.submit')}</SubmitButton>
          <ButtonLink to="/" appearance="subtle">
            {ts('common.cancel')}
          </ButtonLink>
        </ButtonGroup>
      </Form>
    </div>
  );
}
