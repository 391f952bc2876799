import type { ButtonHTMLAttributes, HTMLAttributes, ReactNode } from 'react';
import { Link as RouterLink, type LinkProps } from 'react-router';
import { shellMessages } from '../messages';
import { useT } from '../i18n';

const cx = (...names: (string | false | null | undefined)[]) => names.filter(Boolean).join(' ');
export { cx };

type Level = 1 | 2 | 3 | 4 | 5 | 6;

/** NL Design System heading; `appearance` lets a lower level look like a higher one. */
export function Heading({
  level,
  appearance,
  className,
  children,
  ref,
  ...rest
}: { level: Level; appearance?: Level; ref?: React.Ref<HTMLHeadingElement> } & HTMLAttributes<HTMLHeadingElement>) {
  const Tag = `h${level}` as const;
  return (
    <Tag ref={ref} className={cx('nl-heading', `nl-heading--level-${appearance ?? level}`, className)} {...rest}>
      {children}
    </Tag>
  );
}

export function Paragraph({ lead, small, className, children, ...rest }: { lead?: boolean; small?: boolean } & HTMLAttributes<HTMLParagraphElement>) {
  return (
    <p className={cx('nl-paragraph', lead && 'nl-paragraph--lead', small && 'dichter-small', className)} {...rest}>
      {children}
    </p>
  );
}

/** A link inside the app (client-side navigation). */
export function Link({ className, ...rest }: LinkProps) {
  return <RouterLink className={cx('nl-link', className)} {...rest} />;
}

/** "Terug naar de lijst" above a page: a link in its own paragraph. */
export function BackLink({ to, children }: { to: LinkProps['to']; children: ReactNode }) {
  return (
    <p className="nl-paragraph">
      <Link to={to}>{children}</Link>
    </p>
  );
}

/** A link that leaves the app (API docs, OIDC start, external sites). */
export function ExternalLink({ className, ...rest }: React.AnchorHTMLAttributes<HTMLAnchorElement>) {
  return <a className={cx('nl-link', className)} {...rest} />;
}

export type ButtonAppearance = 'primary' | 'secondary' | 'subtle' | 'danger';
const buttonClass = (appearance: ButtonAppearance) =>
  appearance === 'danger'
    ? 'utrecht-button--secondary-action utrecht-button--danger'
    : appearance === 'subtle'
      ? 'utrecht-button--subtle'
      : `utrecht-button--${appearance}-action`;

export function Button({ appearance = 'secondary', busy, className, type = 'button', children, ...rest }: { appearance?: ButtonAppearance; busy?: boolean } & ButtonHTMLAttributes<HTMLButtonElement>) {
  return (
    <button
      type={type}
      className={cx('utrecht-button', buttonClass(appearance), type === 'submit' && 'utrecht-button--submit', busy && 'utrecht-button--busy', className)}
      aria-disabled={busy || undefined}
      {...rest}
    >
      {children}
    </button>
  );
}

/** A link that looks like a button: for navigation to a form ("Partner toevoegen"). */
export function ButtonLink({ appearance = 'secondary', className, ...rest }: { appearance?: 'primary' | 'secondary' | 'subtle' } & LinkProps) {
  return (
    <RouterLink
      className={cx('utrecht-button-link', 'utrecht-button-link--html-a', `utrecht-button-link--${appearance === 'subtle' ? 'subtle' : `${appearance}-action`}`, className)}
      {...rest}
    />
  );
}

export function ButtonGroup({ children, className }: { children: ReactNode; className?: string }) {
  return <div className={cx('utrecht-button-group', 'dichter-button-group', className)}>{children}</div>;
}

export type AlertType = 'info' | 'ok' | 'warning' | 'error';

export function Alert({ type = 'info', children, className, ...rest }: { type?: AlertType } & HTMLAttributes<HTMLDivElement>) {
  return (
    <div className={cx('utrecht-alert', `utrecht-alert--${type}`, className)} {...rest}>
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">{children}</div>
      </div>
    </div>
  );
}

/** A part of a page with an h2 that names it (the section is labelled by its heading). */
export function Section({ id, title, appearance, className, children }: { id: string; title: ReactNode; appearance?: Level; className?: string; children: ReactNode }) {
  return (
    <section className={cx('dichter-section', className)} aria-labelledby={id}>
      <Heading level={2} appearance={appearance} id={id}>
        {title}
      </Heading>
      {children}
    </section>
  );
}

/** A polite status line while something loads. */
export function Loading({ label }: { label?: string }) {
  const t = useT(shellMessages);
  return (
    <p className="nl-paragraph dichter-loading" role="status">
      {label ?? t('common.loading')}
    </p>
  );
}

/** What to show when a list has nothing in it: say what the list is for and what to do. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="dichter-empty">
      <Heading level={3} appearance={4}>
        {title}
      </Heading>
      {children}
    </div>
  );
}

export function UnorderedList({ children, className }: { children: ReactNode; className?: string }) {
  return <ul className={cx('utrecht-unordered-list', className)}>{children}</ul>;
}

export function ListItem({ children }: { children: ReactNode }) {
  return <li className="utrecht-unordered-list__item">{children}</li>;
}

/** Key–value pairs (NL Design System data list). */
export function DataList({ items }: { items: [ReactNode, ReactNode][] }) {
  return (
    <dl className="utrecht-data-list utrecht-data-list--rows dichter-data-list">
      {items.map(([key, value], i) => (
        <div className="utrecht-data-list__item" key={i}>
          <dt className="utrecht-data-list__item-key">{key}</dt>
          <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function VisuallyHidden({ children, ...rest }: HTMLAttributes<HTMLSpanElement>) {
  return (
    <span className="dichter-visually-hidden" {...rest}>
      {children}
    </span>
  );
}
