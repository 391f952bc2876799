import { useMutation } from '@tanstack/react-query';
import {
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type FormEvent,
  type InputHTMLAttributes,
  type ReactNode,
  type Ref,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';
import { ApiError } from '../api';
import { shellMessages } from '../messages';
import { useT } from '../i18n';
import { Button, cx, Heading, Paragraph } from './basics';

interface FieldShellProps {
  id: string;
  label: ReactNode;
  description?: ReactNode;
  error?: string;
  optional?: boolean;
  className?: string;
  children: ReactNode;
}

/** NL Design System form field: label, description, error message, then the control. */
export function FieldShell({ id, label, description, error, optional, className, children }: FieldShellProps) {
  const t = useT(shellMessages);
  return (
    <div className={cx('utrecht-form-field', 'dichter-field', error && 'utrecht-form-field--invalid', className)}>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {label}
          {optional && <span className="dichter-optional"> {t('common.optional')}</span>}
        </label>
      </div>
      {description && (
        <div className="utrecht-form-field__description utrecht-form-field-description" id={`${id}-description`}>
          {description}
        </div>
      )}
      {error && (
        <div className="utrecht-form-field__error-message utrecht-form-field-error-message" id={`${id}-error`}>
          {error}
        </div>
      )}
      <div className="utrecht-form-field__input">{children}</div>
    </div>
  );
}

function describedBy(id: string, description?: ReactNode, error?: string) {
  return [description ? `${id}-description` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

type Common = { id: string; label: ReactNode; description?: ReactNode; error?: string; optional?: boolean; fieldClassName?: string };

export function TextField({ id, label, description, error, optional, fieldClassName, className, ...input }: Common & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <FieldShell id={id} label={label} description={description} error={error} optional={optional} className={fieldClassName}>
      <input
        id={id}
        className={cx('utrecht-textbox', 'utrecht-textbox--html-input', error && 'utrecht-textbox--invalid', className)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, description, error)}
        aria-required={optional === false ? true : undefined}
        type="text"
        {...input}
      />
    </FieldShell>
  );
}

/** A file picker with label, help and error like the other fields; reports the chosen file. */
export function FileField({
  id,
  label,
  description,
  error,
  optional,
  fieldClassName,
  className,
  onFile,
  ...input
}: Common & Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'onChange'> & { onFile(file: File | null): void; ref?: Ref<HTMLInputElement> }) {
  return (
    <FieldShell id={id} label={label} description={description} error={error} optional={optional} className={fieldClassName}>
      <input
        id={id}
        type="file"
        className={cx('dichter-file-input', error && 'dichter-file-input--invalid', className)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, description, error)}
        onChange={(e) => onFile(e.target.files?.[0] ?? null)}
        {...input}
      />
    </FieldShell>
  );
}

/** Live progress of an upload: a status line and a bar (indeterminate while the server works). */
export function UploadProgress({ busy, status, label, fraction }: { busy: boolean; status: ReactNode; label: string; fraction: number | undefined }) {
  return (
    <div className="dichter-progress" role="status">
      {busy && (
        <>
          <p className="nl-paragraph">{status}</p>
          <progress aria-label={label} max={1} value={fraction} />
        </>
      )}
    </div>
  );
}

export function TextAreaField({ id, label, description, error, optional, fieldClassName, className, ...input }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <FieldShell id={id} label={label} description={description} error={error} optional={optional} className={fieldClassName}>
      <textarea
        id={id}
        className={cx('utrecht-textarea', 'utrecht-textarea--html-textarea', error && 'utrecht-textarea--invalid', className)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, description, error)}
        rows={4}
        {...input}
      />
    </FieldShell>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField({
  id,
  label,
  description,
  error,
  optional,
  fieldClassName,
  className,
  options,
  ...select
}: Common & { options: Option[] } & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <FieldShell id={id} label={label} description={description} error={error} optional={optional} className={fieldClassName}>
      <select
        id={id}
        className={cx('utrecht-select', 'utrecht-select--html-select', error && 'utrecht-select--invalid', className)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, description, error)}
        {...select}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function Fieldset({ legend, children, className }: { legend: ReactNode; children: ReactNode; className?: string }) {
  return (
    <fieldset className={cx('utrecht-form-fieldset', 'utrecht-form-fieldset--html-fieldset', className)}>
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{legend}</legend>
      {children}
    </fieldset>
  );
}

export interface FieldRef {
  /** The id of the control, for the summary's link. */
  id: string;
  /** The field's label, so the summary reads "Webadres (slug): Gebruik 3 tot 50 …". */
  label: string;
}

/**
 * Error handling for a form, GOV.UK / NL Design System style: each field shows its own message
 * (aria-invalid, aria-describedby) and a summary at the top links to the fields and takes focus.
 * `errorFields` maps domain error ids without field details (e.g. a 409) to the field concerned.
 */
export function useFormErrors(fields: Record<string, FieldRef>, errorFields: Record<string, string> = {}) {
  const [error, setErrorState] = useState<unknown>(null);
  const [version, setVersion] = useState(0);
  const setError = useCallback((err: unknown) => {
    setErrorState(err);
    setVersion((v) => v + 1);
  }, []);
  const clear = useCallback(() => setErrorState(null), []);
  const byPath = useMemo(() => {
    const map = new Map<string, string>();
    if (error instanceof ApiError) {
      for (const f of error.fields) if (!map.has(f.path)) map.set(f.path, f.message);
      const mapped = errorFields[error.id];
      if (mapped && !map.has(mapped)) map.set(mapped, error.message);
    }
    return map;
  }, [error, errorFields]);
  const fieldError = useCallback((path: string) => byPath.get(path), [byPath]);
  const summary = error ? <ErrorSummary key={version} error={error} fields={fields} byPath={byPath} /> : null;
  return { error, setError, clear, fieldError, summary };
}

/**
 * A form that sends one request: `useFormErrors` for its fields, plus a submit handler that
 * ignores a second submit while the first is under way and clears old errors before sending.
 */
export function useFormSubmit<R>({
  fields,
  errorFields,
  send,
  onSaved,
}: {
  fields: Record<string, FieldRef>;
  errorFields?: Record<string, string>;
  /** The request; a failure shows at the fields and in the summary. */
  send(): Promise<R>;
  onSaved(result: R): unknown;
}) {
  const form = useFormErrors(fields, errorFields);
  const mutation = useMutation({ mutationFn: send, onSuccess: onSaved, onError: form.setError });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (mutation.isPending) return;
    form.clear();
    mutation.mutate();
  };
  return { ...form, onSubmit, busy: mutation.isPending, mutation };
}

/** The error summary above a `<form noValidate>` that `useFormSubmit` handles. */
export function Form({ form, children }: { form: { summary: ReactNode; onSubmit(event: FormEvent): void }; children: ReactNode }) {
  return (
    <>
      {form.summary}
      <form onSubmit={form.onSubmit} noValidate className="dichter-form">
        {children}
      </form>
    </>
  );
}

/** The form's primary button; "Bezig met opslaan…" (or `busyLabel`) while the request runs. */
export function SubmitButton({ busy, busyLabel, children }: { busy: boolean; busyLabel?: string; children: ReactNode }) {
  const t = useT(shellMessages);
  return (
    <Button type="submit" appearance="primary" busy={busy}>
      {busy ? (busyLabel ?? t('common.saving')) : children}
    </Button>
  );
}

function ErrorSummary({ error, fields, byPath }: { error: unknown; fields: Record<string, FieldRef>; byPath: Map<string, string> }) {
  const t = useT(shellMessages);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  const entries = [...byPath.entries()];
  const general = errorMessage(error, t);
  const titleId = useId();
  const jump = (id: string) => (event: React.MouseEvent<HTMLAnchorElement>) => {
    const target = document.getElementById(id);
    if (!target) return;
    event.preventDefault();
    target.scrollIntoView({ block: 'center' });
    target.focus();
  };
  return (
    <div ref={ref} tabIndex={-1} className="utrecht-alert utrecht-alert--error dichter-error-summary" aria-labelledby={titleId}>
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">
          <Heading level={2} appearance={4} id={titleId}>
            {entries.length ? t('error.summaryTitle') : t('error.summaryTitleGeneral')}
          </Heading>
          {(!entries.length || (error instanceof ApiError && !error.fields.length)) && <Paragraph>{general}</Paragraph>}
          {entries.length > 0 && (
            <ul className="utrecht-unordered-list dichter-error-list">
              {entries.map(([path, message]) => {
                const field = fields[path];
                return (
                  <li className="utrecht-unordered-list__item" key={path}>
                    {field ? (
                      <a className="nl-link" href={`#${field.id}`} onClick={jump(field.id)}>
                        {field.label}: {message}
                      </a>
                    ) : (
                      <>
                        {path}: {message}
                      </>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      </div>
    </div>
  );
}

/** A message for any thrown thing, in the user's language (the server already localised its own). */
export function errorMessage(error: unknown, t: (key: 'error.network' | 'error.unknown') => string) {
  if (error instanceof ApiError) {
    if (error.id === 'network') return t('error.network');
    return error.message || t('error.unknown');
  }
  return t('error.unknown');
}

/** A message + retry for a failed query. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT(shellMessages);
  return (
    <div className="utrecht-alert utrecht-alert--error" role="alert">
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">
          <Paragraph>
            {t('error.loadFailed')} {errorMessage(error, t)}
          </Paragraph>
          {onRetry && (
            <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={onRetry}>
              {t('error.retry')}
            </button>
          )}
        </div>
      </div>
    </div>
  );
}
