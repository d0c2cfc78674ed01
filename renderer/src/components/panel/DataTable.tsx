import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
  /** The column that names the row (a <th scope="row">): what a screen reader says for each row. */
  rowHeader?: boolean;
  className?: string;
}

/**
 * The staff screens' table: "loading" until the rows come, the empty text when there are none,
 * and otherwise a scrollable table whose first header cell names each row. A failed read shows
 * nothing here: the panel's alert says what went wrong.
 */
export function DataTable<T>({
  rows,
  failed = false,
  columns,
  rowKey,
  empty,
  label,
}: {
  rows: readonly T[] | undefined;
  failed?: boolean;
  columns: readonly Column<T>[];
  rowKey: (row: T) => string | number;
  empty: string;
  /** Names the scrollable region (long tables scroll inside the panel, not the page). */
  label?: string;
}) {
  const { t } = useTranslation();
  if (rows === undefined) return failed ? null : <p className="muted">{t('common.loading')}</p>;
  if (rows.length === 0) return <p>{empty}</p>;
  const table = (
    <table className="table">
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.header} scope="col">
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            {columns.map((c) =>
              c.rowHeader ? (
                <th key={c.header} scope="row" className={c.className}>
                  {c.cell(row)}
                </th>
              ) : (
                <td key={c.header} className={c.className}>
                  {c.cell(row)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
  return label ? (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={label}>
      {table}
    </div>
  ) : (
    table
  );
}
