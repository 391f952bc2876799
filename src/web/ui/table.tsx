import { useId, type ReactNode, type TdHTMLAttributes, type ThHTMLAttributes } from 'react';
import { cx } from './basics';

/**
 * NL Design System table in a scroll container. The container is a labelled, focusable region so
 * keyboard users can scroll a wide table on a phone (WCAG 2.1.1).
 */
export function Table({ caption, captionHidden, children, className }: { caption: ReactNode; captionHidden?: boolean; children: ReactNode; className?: string }) {
  const id = useId();
  return (
    <div className="dichter-table-scroll" role="region" aria-labelledby={id} tabIndex={0}>
      <table className={cx('utrecht-table', 'utrecht-table--html-table', className)}>
        <caption id={id} className={cx('utrecht-table__caption', captionHidden && 'dichter-visually-hidden')}>
          {caption}
        </caption>
        {children}
      </table>
    </div>
  );
}

export function THead({ children }: { children: ReactNode }) {
  return (
    <thead className="utrecht-table__header">
      <tr className="utrecht-table__row">{children}</tr>
    </thead>
  );
}

export function TBody({ children }: { children: ReactNode }) {
  return <tbody className="utrecht-table__body">{children}</tbody>;
}

export function Tr({ children }: { children: ReactNode }) {
  return <tr className="utrecht-table__row">{children}</tr>;
}

export function Th({ numeric, className, scope = 'col', ...rest }: { numeric?: boolean } & ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope={scope} className={cx('utrecht-table__header-cell', numeric && 'utrecht-table__header-cell--numeric-column', className)} {...rest} />;
}

export function Td({ numeric, className, ...rest }: { numeric?: boolean } & TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={cx('utrecht-table__cell', numeric && 'utrecht-table__cell--numeric-data', className)} {...rest} />;
}

/** A row header cell (the first column naming the row). */
export function RowHeader({ className, ...rest }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope="row" className={cx('utrecht-table__cell', 'dichter-row-header', className)} {...rest} />;
}
