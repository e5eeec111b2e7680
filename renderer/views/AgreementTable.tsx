// One agreement table as core builds it (core/agreement/tables.ts): the same rows go into the
// report. Each statistic's header explains itself in a tooltip, on hover or keyboard focus, and
// to screen readers as the header's description.
import { useId } from 'react';
import type { ReportTable } from '../core/agreement';
import { VirtualBody } from './VirtualBody';

export function AgreementTable(props: { table: ReportTable; className?: string }) {
  const { table } = props;
  const id = useId();
  const [first, ...rest] = table.columns;
  return (
    <table className={`grid agreement-table ${props.className ?? ''}`} aria-label={table.title} aria-rowcount={table.rows.length + 1}>
      <thead>
        <tr>
          {first && <th>{first.short}</th>}
          {rest.map((c, i) =>
            c.help ? (
              <th key={i} className={c.numeric ? 'num has-tip' : 'has-tip'} tabIndex={0} aria-describedby={`${id}-${i}`}>
                {c.short}
                <span className="tip" role="tooltip" id={`${id}-${i}`}>
                  {c.help}
                </span>
              </th>
            ) : (
              <th key={i} className={c.numeric ? 'num' : undefined}>
                {c.short}
              </th>
            ),
          )}
        </tr>
      </thead>
      {/* By transcript or by code and transcript, ten times the study has thousands of rows. */}
      <VirtualBody
        items={table.rows}
        rowHeight={27}
        columns={table.columns.length}
        row={(row, _, place) => (
          <tr
            key={row.key}
            {...place}
            className={[row.pooled ? 'pooled' : '', row.verdict ? `verdict-${row.verdict}` : ''].join(' ').trim() || undefined}
          >
            {row.cells.map((cell, i) => {
              const cls =
                [table.columns[i]?.numeric ? 'num' : '', cell.verdict ? `judged verdict-${cell.verdict}` : ''].join(' ').trim() ||
                undefined;
              return i === 0 ? (
                <th key={i} scope="row" className={cls}>
                  {cell.text}
                </th>
              ) : (
                <td key={i} className={cls}>
                  {cell.text}
                </td>
              );
            })}
          </tr>
        )}
      />
    </table>
  );
}
