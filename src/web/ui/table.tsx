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

/** One column of a `DataTable`: its header and what each row shows in it. */
export interface Column<T> {
  header: ReactNode;
  cell(row: T): ReactNode;
  numeric?: boolean;
  /** The column that names the row: its cells are row headers (`<th scope="row">`). */
  rowHeader?: boolean;
  /** Extra class on the body cells. */
  className?: string;
}

/**
 * A table of rows described by its columns. A column given as `false` is left out, so a
 * column only some members may see reads `can.manage && {…}`.
 */
export function DataTable<T>({
  caption,
  captionHidden,
  rows,
  rowKey,
  columns,
}: {
  caption: ReactNode;
  captionHidden?: boolean;
  rows: readonly T[];
  rowKey(row: NoInfer<T>, index: number): string;
  columns: readonly (Column<NoInfer<T>> | false | null | undefined)[];
}) {
  const shown = columns.filter((c): c is Column<T> => !!c);
  return (
    <Table caption={caption} captionHidden={captionHidden}>
      <THead>
        {shown.map((c, i) => (
          <Th key={i} numeric={c.numeric}>
            {c.header}
          </Th>
        ))}
      </THead>
      <TBody>
        {rows.map((row, r) => (
          <Tr key={rowKey(row, r)}>
            {shown.map((c, i) =>
              c.rowHeader ? (
                <RowHeader key={i} className={cx(c.numeric && 'utrecht-table__cell--numeric-data', c.className)}>
                  {c.cell(row)}
                </RowHeader>
              ) : (
                <Td key={i} numeric={c.numeric} className={c.className}>
                  {c.cell(row)}
                </Td>
              ),
            )}
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
