/** A real table for a chart's data: a caption, column headers, and the first cell of each row as its row header. */
import type { ReactNode } from 'react';

export interface TableRow {
  key: string;
  cells: ReactNode[];
  /** Marks the row (e.g. a belevingswaarde without ideas) with a class; the row says it in words too. */
  className?: string;
}

export function DataTable({ caption, columns, rows }: { caption: string; columns: string[]; rows: TableRow[] }) {
  return (
    <table className="insight-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((c, i) => (
            <th key={c} scope="col" className={i > 0 ? 'insight-table__num' : undefined}>
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} className={row.className}>
            {row.cells.map((cell, i) =>
              i === 0 ? (
                <th key={i} scope="row">
                  {cell}
                </th>
              ) : (
                <td key={i} className="insight-table__num">
                  {cell}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
