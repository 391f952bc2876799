import { useEffect, useId, useRef, type ReactNode } from 'react';
import { shellMessages } from '../messages';
import { useT } from '../i18n';
import { Button, Heading, Paragraph } from './basics';

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
