// The wave matrix as a table for CSV and XLSX: the filters used on the first line, a header,
// then one row per code with its path, so a spreadsheet reader knows exactly what was counted.
import { codePathText } from '../codebook';
import type { ProjectSnapshot } from '../shared';
import type { waveMatrix } from './waves';

type Matrix = ReturnType<typeof waveMatrix>;

// Numbers as numbers (a spreadsheet sums them), rounded as the screen shows them; '' where undefined.
const share = (n: number, of: number) => (of ? Number((n / of).toFixed(3)) : '');

export function waveMatrixRows(
  matrix: Matrix,
  project: ProjectSnapshot,
  pair: [string, string],
  filtersText: string,
): (string | number)[][] {
  const label = (id: string) => project.waves.find((w) => w.id === id)?.label ?? id;
  const [a, b] = pair.map(label) as [string, string];
  const header = ['Code'];
  for (const w of matrix.waves)
    header.push(
      `${label(w)}: participants with code`,
      `${label(w)}: interviewed`,
      `${label(w)}: share`,
      `${label(w)}: passages`,
      `${label(w)}: words`,
    );
  header.push(`Only ${a}`, `Only ${b}`, `Both ${a} and ${b}`, `Neither`, 'McNemar exact p (two-sided)');
  const rows = matrix.rows.map((row) => {
    const out: (string | number)[] = [codePathText(project.codes, row.codeId)];
    for (const w of matrix.waves) {
      const c = row.byWave[w]!;
      out.push(c.participants, c.interviewed, share(c.participants, c.interviewed), c.passages, c.words);
    }
    const p = row.paired;
    out.push(p.firstOnly, p.secondOnly, p.both, p.neither, Number(p.p.toPrecision(4)));
    return out;
  });
  return [['Filters', filtersText], header, ...rows];
}
