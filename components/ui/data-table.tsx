import type { ReactNode } from "react";
import { cn } from "./cn";

export interface Column<Row> {
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Hide this column below the `sm` breakpoint so tables stay readable at 375px. */
  hideOnMobile?: boolean;
  className?: string;
}

export interface DataTableProps<Row> {
  caption: string;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  /** Show the caption visually (default: screen readers only). */
  showCaption?: boolean;
  className?: string;
}

/** A plain, accessible table (caption, scoped headers) that scrolls horizontally instead of overflowing the page. */
export function DataTable<Row>({ caption, columns, rows, rowKey, showCaption, className }: DataTableProps<Row>) {
  return (
    <div className={cn("overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm", className)}>
      <table className="min-w-full divide-y divide-slate-200 text-left text-sm">
        <caption className={showCaption ? "px-4 py-3 text-left font-medium text-slate-700" : "sr-only"}>{caption}</caption>
        <thead className="bg-slate-50">
          <tr>
            {columns.map((c) => (
              <th
                key={c.key}
                scope="col"
                className={cn("px-4 py-2.5 font-medium text-slate-700", c.hideOnMobile && "hidden sm:table-cell", c.className)}
              >
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={rowKey(row)} className="hover:bg-slate-50">
              {columns.map((c) => (
                <td
                  key={c.key}
                  className={cn("px-4 py-3 align-top text-slate-800", c.hideOnMobile && "hidden sm:table-cell", c.className)}
                >
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
