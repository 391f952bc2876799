import { refreshAfterWrite } from '../../../web/queries';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, wsPath } from '../../../web/api';
import { useT } from '../../../web/i18n';
import { shellMessages } from '../../../web/messages';
import { Alert, DataList, Form, PageHeading, Paragraph, SubmitButton, TextField, useFormSubmit, useNotify } from '../../../web/ui';
import { useWorkspace, workspaceKeys, type WorkspaceView } from '../../../web/workspace';
import { m } from './messages';
import { fieldIds, toBody, useFieldRefs, WorkspaceSettingsFields, type WorkspaceSettings } from './WorkspaceFields';

export default function SettingsPage() {
  const t = useT(m);
  const ts = useT(shellMessages);
  const { workspace } = useWorkspace();
  const client = useQueryClient();
  const notify = useNotify();
  const [values, setValues] = useState<WorkspaceSettings>({
    name: workspace.name,
    description: workspace.description,
    responseDays: String(workspace.responseDays),
    defaultLocale: workspace.defaultLocale,
    theme: workspace.theme,
  });
  const form = useFormSubmit({
    fields: useFieldRefs(),
    send: () => api.patch<WorkspaceView>(wsPath(workspace.slug), toBody(values)),
    onSaved: async (updated) => {
      client.setQueryData(workspaceKeys.one(workspace.slug), updated);
      await refreshAfterWrite(client, { queryKey: workspaceKeys.all });
      notify(t('settings.saved'));
    },
  });
  const readOnly = !workspace.can.update;
  return (
    <div className="dichter-narrow">
      <PageHeading title={t('settings.title')} />
      <Paragraph>{t('settings.intro')}</Paragraph>
      {readOnly && <Alert type="info">{t('settings.readOnly')}</Alert>}
      <DataList items={[[t('settings.slug'), <code className="dichter-code">/w/{workspace.slug}</code>]]} />
      <Form form={form}>
        <TextField
          id={fieldIds.name}
          label={t('field.name')}
          value={values.name}
          maxLength={120}
          onChange={(e) => setValues({ ...values, name: e.target.value })}
          error={form.fieldError('name')}
          disabled={readOnly}
        />
        <WorkspaceSettingsFields values={values} onChange={setValues} error={form.fieldError} disabled={readOnly} />
        {!readOnly && <SubmitButton busy={form.busy}>{ts('common.save')}</SubmitButton>}
      </Form>
    </div>
  );
}
