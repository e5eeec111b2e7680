// What is coded here, on hover: over highlighted text, every coding of that stretch (code and
// coder, in its colour); over a margin stripe, that stripe's coding. One listener on the
// columns, so hovering costs nothing until the pointer meets a mark or a stripe.
import { useState, type MouseEvent as ReactMouseEvent, type ReactNode } from 'react';

export interface CodingLabel {
  code: string; // the code's path, e.g. "Process of change › Time Out"
  coder: string;
  colour: string;
}

interface Hover {
  key: string;
  x: number;
  y: number;
  ids: string[];
}

/** Coding ids under an element: a mark's list, or a stripe's one id. */
function idsAt(target: EventTarget | null): { key: string; ids: string[]; box: DOMRect } | null {
  const el = target instanceof Element ? target.closest<HTMLElement>('.coding-mark, .coding-stripe') : null;
  if (!el) return null;
  const ids = el.classList.contains('coding-stripe') ? [el.dataset.codingId ?? ''] : (el.getAttribute('data-coding-ids') ?? '').split(' ');
  const clean = ids.filter(Boolean);
  return clean.length
    ? { key: `${el.classList.contains('coding-stripe') ? 's' : 'm'}:${clean.join(' ')}`, ids: clean, box: el.getBoundingClientRect() }
    : null;
}

export function useCodingTooltip(describe: ((codingId: string) => CodingLabel | null) | undefined) {
  const [hover, setHover] = useState<Hover | null>(null);
  const onMouseOver = (e: ReactMouseEvent<HTMLElement>) => {
    if (!describe) return;
    const at = idsAt(e.target);
    if (!at) return setHover(null);
    if (hover?.key === at.key) return;
    const frame = e.currentTarget.getBoundingClientRect();
    // Just below the line (or beside the stripe), inside the columns' own coordinates.
    const stripe = at.key.startsWith('s:');
    setHover({
      key: at.key,
      ids: at.ids,
      x: (stripe ? at.box.right + 8 : e.clientX) - frame.left,
      y: (stripe ? e.clientY : at.box.bottom + 4) - frame.top,
    });
  };
  const onMouseLeave = () => setHover(null);
  // Named at render time, so a tooltip shown while codings are still loading fills in.
  const labels = hover && describe ? hover.ids.map(describe).filter((l): l is CodingLabel => l !== null) : [];
  const tooltip: ReactNode = hover && labels.length > 0 && (
    <div className="coding-tooltip" role="tooltip" style={{ left: hover.x, top: hover.y }}>
      {labels.map((l, i) => (
        <div key={i} className="coding-tooltip-row">
          <span className="swatch" style={{ background: l.colour }} />
          <span>{l.code}</span>
          <span className="muted"> · {l.coder}</span>
        </div>
      ))}
    </div>
  );
  return { onMouseOver, onMouseLeave, tooltip };
}
