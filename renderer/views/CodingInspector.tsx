// The coded passage under the cursor: its codes, coder and memo; its ends moved a word at a
// time; removal. With nothing chosen, the transcript's own memo.
import { codePathText } from '../core/codebook';
import { removeCoding, resizeCoding, setCodingMemo, stepWord } from '../core/coding';
import type { Coding, Source } from '../core/shared';
import { DraftTextArea } from './DraftField';
import { MemoBox } from './MemoBox';
import { useProject } from './projectContext';

export function CodingInspector(props: { source: Source; codings: Coding[]; allCodings: Coding[]; onDone(): void }) {
  if (props.codings.length === 0) {
    return (
      <div className="inspector">
        <p className="muted small">Click a coded passage (or its stripe in the margin) to see its codes, coder and memo.</p>
        <MemoBox target="source" targetId={props.source.id} label="Transcript memo" rows={8} />
      </div>
    );
  }
  return (
    <div className="inspector">
      {props.codings.map((c) => (
        <CodingCard key={c.id} coding={c} source={props.source} onRemoved={props.codings.length === 1 ? props.onDone : () => {}} />
      ))}
    </div>
  );
}

function CodingCard(props: { coding: Coding; source: Source; onRemoved(): void }) {
  const { codes, coders, actWith } = useProject();
  const { coding, source } = props;
  const code = codes.find((k) => k.id === coding.codeId);
  const coder = coders.find((k) => k.id === coding.coderId);
  const name = code?.name ?? 'deleted code';
  const len = source.text.length;
  const resize = (start: number, end: number) => actWith(() => resizeCoding(coding, start, end, len, name, Date.now()));
  const excerpt = source.text.slice(coding.start, coding.end);
  return (
    <article className="coding-card" aria-label={`Coding ${name}`}>
      <header>
        <span className="swatch" style={{ background: code?.colour ?? '#ccc' }} />
        <strong>{name}</strong>
      </header>
      {code && <p className="muted small">{code.parentId ? codePathText(codes, code.parentId, ' › ') : ''}</p>}
      <p className="small">
        by <span style={{ color: coder?.colour }}>{coder?.name ?? 'unknown coder'}</span> · {coding.end - coding.start} characters
      </p>
      <blockquote className="excerpt">{excerpt.length > 280 ? `${excerpt.slice(0, 140)} … ${excerpt.slice(-120)}` : excerpt}</blockquote>
      <div className="resize row" role="group" aria-label="Move the ends">
        <span className="small muted">Start</span>
        <button
          type="button"
          aria-label="Extend start by a word"
          onClick={() => resize(stepWord(source.text, coding.start, -1), coding.end)}
        >
          ←
        </button>
        <button
          type="button"
          aria-label="Shrink start by a word"
          onClick={() => resize(stepWord(source.text, coding.start, 1), coding.end)}
        >
          →
        </button>
        <span className="small muted">End</span>
        <button type="button" aria-label="Shrink end by a word" onClick={() => resize(coding.start, stepWord(source.text, coding.end, -1))}>
          ←
        </button>
        <button type="button" aria-label="Extend end by a word" onClick={() => resize(coding.start, stepWord(source.text, coding.end, 1))}>
          →
        </button>
      </div>
      <label className="memo-box">
        <span className="small muted">Coding memo</span>
        <DraftTextArea
          journal={`coding:${coding.id}:memo`}
          aria-label={`Memo for ${name}`}
          rows={3}
          value={coding.memo}
          save={(memo) => actWith(() => setCodingMemo(coding, memo, Date.now()))}
        />
      </label>
      <button
        type="button"
        className="danger"
        onClick={async () => {
          if (await actWith(() => removeCoding(coding, name, Date.now()))) props.onRemoved();
        }}
      >
        Remove coding
      </button>
    </article>
  );
}
