import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { cx } from './basics';

/**
 * A button that shows and hides a panel (menus in the header). Escape closes it and returns focus
 * to the button; so do a click elsewhere and a navigation.
 */
export function Disclosure({
  label,
  buttonLabel,
  children,
  className,
  panelClassName,
  buttonClassName,
}: {
  label: ReactNode;
  /** Accessible name when the visible label is not enough. */
  buttonLabel?: string;
  children: ReactNode;
  className?: string;
  panelClassName?: string;
  buttonClassName?: string;
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const location = useLocation();
  useEffect(() => setOpen(false), [location.pathname]);
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    const onFocus = (event: FocusEvent) => {
      if (root.current && event.target instanceof Node && !root.current.contains(event.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('focusin', onFocus);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('focusin', onFocus);
    };
  }, [open]);
  return (
    <div
      ref={root}
      className={cx('dichter-disclosure', className)}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          setOpen(false);
          button.current?.focus();
        }
      }}
    >
      <button
        ref={button}
        type="button"
        className={cx('utrecht-button', 'utrecht-button--subtle', 'dichter-disclosure__button', buttonClassName)}
        aria-expanded={open}
        aria-controls={id}
        aria-label={buttonLabel}
        onClick={() => setOpen((v) => !v)}
      >
        {label}
        <span className="dichter-disclosure__chevron" aria-hidden="true" />
      </button>
      <div id={id} className={cx('dichter-disclosure__panel', panelClassName)} hidden={!open}>
        {children}
      </div>
    </div>
  );
}
