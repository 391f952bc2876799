import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { shellMessages } from '../messages';
import { useT } from '../i18n';
import { Alert, Button, Heading, Paragraph } from './basics';
import { errorMessage } from './form';

/**
 * Asks before something is removed. A native modal <dialog>: focus stays inside, Escape cancels,
 * and focus goes back to the button that opened it.
 */
export function ConfirmDialog({
  open,
  title,
  body,
  confirmLabel,
  busy,
  error,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title?: string;
  body: ReactNode;
  confirmLabel: string;
  busy?: boolean;
  error?: ReactNode;
  onConfirm(): void;
  onCancel(): void;
}) {
  const t = useT(shellMessages);
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const titleId = useId();
  const bodyId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement as HTMLElement | null;
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const onClose = () => {
      const back = opener.current;
      opener.current = null;
      if (back && back.isConnected) back.focus();
    };
    dialog.addEventListener('close', onClose);
    return () => dialog.removeEventListener('close', onClose);
  }, []);
  return (
    <dialog
      ref={ref}
      className="dichter-dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
    >
      {open && (
        <>
          <Heading level={2} appearance={3} id={titleId}>
            {title ?? t('confirm.title')}
          </Heading>
          <div id={bodyId}>{typeof body === 'string' ? <Paragraph>{body}</Paragraph> : body}</div>
          {error}
          <div className="utrecht-button-group dichter-button-group">
            <Button appearance="danger" busy={busy} onClick={() => !busy && onConfirm()}>
              {confirmLabel}
            </Button>
            <Button appearance="secondary" autoFocus onClick={onCancel} disabled={busy}>
              {t('common.cancel')}
            </Button>
          </div>
        </>
      )}
    </dialog>
  );
}

/** The texts of a confirmation for one item: "Partner Buurtteam verwijderen?" */
export interface ConfirmTexts {
  title?: string;
  body: ReactNode;
  confirmLabel: string;
}

/**
 * Ask first, then act: which item is being confirmed, the request, and a `ConfirmDialog` that
 * shows the request's failure and closes when it succeeded (before `onDone` runs).
 *   const remove = useConfirmedAction({ action: (p) => api.delete(…), onDone: (p) => notify(…) });
 *   <Button onClick={() => remove.ask(partner)}>…</Button>
 *   {remove.dialog((p) => ({ title: …, body: …, confirmLabel: … }))}
 */
export function useConfirmedAction<T>({ action, onDone }: { action(item: T): Promise<unknown>; onDone(item: T): unknown }) {
  const t = useT(shellMessages);
  const [target, setTarget] = useState<{ item: T } | null>(null);
  const mutation = useMutation({
    mutationFn: action,
    onSuccess: async (_result, item) => {
      setTarget(null);
      await onDone(item);
    },
  });
  const dialog = (texts: (item: T) => ConfirmTexts) => {
    const { title, body, confirmLabel } = target ? texts(target.item) : { title: undefined, body: '', confirmLabel: '' };
    return (
      <ConfirmDialog
        open={target !== null}
        title={title}
        body={body}
        confirmLabel={confirmLabel}
        busy={mutation.isPending}
        error={mutation.isError ? <Alert type="error">{errorMessage(mutation.error, t)}</Alert> : undefined}
        onConfirm={() => target && mutation.mutate(target.item)}
        onCancel={() => {
          setTarget(null);
          mutation.reset();
        }}
      />
    );
  };
  return { ask: (item: T) => setTarget({ item }), dialog };
}
