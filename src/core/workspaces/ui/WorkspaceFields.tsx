import { useT } from '../../../web/i18n';
import { SelectField, TextAreaField, TextField } from '../../../web/ui';
import { m } from './messages';

export interface WorkspaceSettings {
  name: string;
  description: string;
  responseDays: string;
  defaultLocale: 'nl' | 'en';
  theme: 'voorbeeld' | 'rijkshuisstijl';
}

/** Sends what was typed: a number when it is one, so the server can say what is wrong otherwise. */
export function toBody(values: WorkspaceSettings) {
  const days = values.responseDays.trim();
  return {
    name: values.name,
    description: values.description,
    responseDays: /^\d+$/.test(days) ? Number(days) : days === '' ? undefined : (days as unknown as number),
    defaultLocale: values.defaultLocale,
    theme: values.theme,
  };
}

export const fieldIds = {
  name: 'ws-name',
  slug: 'ws-slug',
  description: 'ws-description',
  responseDays: 'ws-response-days',
  defaultLocale: 'ws-default-locale',
  theme: 'ws-theme',
};

export function useFieldRefs() {
  const t = useT(m);
  return {
    name: { id: fieldIds.name, label: t('field.name') },
    slug: { id: fieldIds.slug, label: t('field.slug') },
    description: { id: fieldIds.description, label: t('field.description') },
    responseDays: { id: fieldIds.responseDays, label: t('field.responseDays') },
    defaultLocale: { id: fieldIds.defaultLocale, label: t('field.defaultLocale') },
    theme: { id: fieldIds.theme, label: t('field.theme') },
  };
}

/** Description, response time, language and theme: shared by "new workspace" and "settings". */
export function WorkspaceSettingsFields({
  values,
  onChange,
  error,
  disabled,
}: {
  values: WorkspaceSettings;
  onChange(values: WorkspaceSettings): void;
  error(path: string): string | undefined;
  disabled?: boolean;
}) {
  const t = useT(m);
  const set = <K extends keyof WorkspaceSettings>(key: K, value: WorkspaceSettings[K]) => onChange({ ...values, [key]: value });
  return (
    <>
      <TextAreaField
        id={fieldIds.description}
        label={t('field.description')}
        description={t('field.descriptionDescription')}
        optional
        value={values.description}
        onChange={(e) => set('description', e.target.value)}
        error={error('description')}
        disabled={disabled}
      />
      <TextField
        id={fieldIds.responseDays}
        label={t('field.responseDays')}
        description={t('field.responseDaysDescription')}
        inputMode="numeric"
        className="dichter-input-short"
        value={values.responseDays}
        onChange={(e) => set('responseDays', e.target.value)}
        error={error('responseDays')}
        disabled={disabled}
      />
      <SelectField
        id={fieldIds.defaultLocale}
        label={t('field.defaultLocale')}
        value={values.defaultLocale}
        onChange={(e) => set('defaultLocale', e.target.value as 'nl' | 'en')}
        error={error('defaultLocale')}
        disabled={disabled}
        options={[
          { value: 'nl', label: t('locale.nl') },
          { value: 'en', label: t('locale.en') },
        ]}
      />
      <SelectField
        id={fieldIds.theme}
        label={t('field.theme')}
        description={t('field.themeDescription')}
        value={values.theme}
        onChange={(e) => set('theme', e.target.value as 'voorbeeld' | 'rijkshuisstijl')}
        error={error('theme')}
        disabled={disabled}
        options={[
          { value: 'voorbeeld', label: t('theme.voorbeeld') },
          { value: 'rijkshuisstijl', label: t('theme.rijkshuisstijl') },
        ]}
      />
    </>
  );
}
