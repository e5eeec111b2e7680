// Recordings in a .qdpx being read (REFI-QDA 1.5 §10): an AudioSource or VideoSource with its
// Transcripts. A Transcript whose text file is a TextSource's (our own export, QualCoder's)
// gives that transcript its times; one with a text of its own becomes a transcript. Its
// SyncPoints become the transcript's sync points, so the player and {time} work at once. The
// sound file is not carried (nor, in other tools' files, usually present): the import says where
// the file was named, to link or keep it in the Coding view.
import type { Source } from '../../core/shared';
import { preferredModel, toCanonical, type PositionModel } from './positions';
import type { ReadContext } from './qdeRead';
import { NVIVO_ORIGIN_SUFFIX, ORIGIN } from './qdeWrite';
import { attr, children, textOf, type XmlNode } from './xml';

export interface MediaTranscript {
  node: XmlNode;
  title: string;
  guid: string | undefined;
  /** The text file's path as written, '' when the text is inline. */
  textPath: string;
  points: { position: number; timeStamp: number }[];
  /** TranscriptSelections: codings from one sync point to another, not read. */
  selections: number;
}

export interface MediaElement {
  kind: 'audio' | 'video';
  name: string;
  /** The file as the .qdpx names it: internal://, relative:// or absolute://. */
  path: string;
  transcripts: MediaTranscript[];
}

/** The key a plainTextPath is matched by: the same file however it is written. */
export function textPathKey(path: string | undefined): string {
  return (path ?? '')
    .trim()
    .replace(/^internal:\/\//i, '')
    .replace(/\\/g, '/')
    .toLowerCase();
}

/** What an <AudioSource> or <VideoSource> holds, kept until every TextSource has been read. */
export function readMediaElement(tag: string, node: XmlNode): MediaElement {
  const name = (attr(node, 'name') ?? '').trim() || 'Untitled recording';
  return {
    kind: tag === 'VideoSource' ? 'video' : 'audio',
    name,
    path: (attr(node, 'path') ?? attr(node, 'currentPath') ?? '').trim(),
    transcripts: children(node, 'Transcript').map((t) => ({
      node: t,
      title: (attr(t, 'name') ?? '').trim() || name,
      guid: attr(t, 'guid'),
      textPath: textOf(t, 'PlainTextContent') === undefined ? (attr(t, 'plainTextPath') ?? '') : '',
      points: children(t, 'SyncPoint').flatMap((p) => {
        const position = Number(attr(p, 'position'));
        const timeStamp = Number(attr(p, 'timeStamp'));
        return Number.isInteger(position) && position >= 0 && Number.isFinite(timeStamp) && timeStamp >= 0 ? [{ position, timeStamp }] : [];
      }),
      selections: children(t, 'TranscriptSelection').length,
    })),
  };
}

/** How a file of this origin counts positions (as qdeReader.ts reads selections). */
function modelOf(origin: string | undefined): PositionModel {
  if (origin?.startsWith(ORIGIN)) return origin.endsWith(NVIVO_ORIGIN_SUFFIX) ? 'utf16' : 'codepoints';
  return preferredModel(origin);
}

/**
 * Gives `source` the transcript's sync points, positions read in the file's model against the
 * text as the file holds it (`raw`). Points outside the text are dropped, and counted.
 */
export function applySyncPoints(source: Source, raw: string, transcript: MediaTranscript, origin: string | undefined): number {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  const { ranges } = toCanonical(
    text,
    transcript.points.map((p) => ({ start: p.position, end: p.position })),
    modelOf(origin),
  );
  const byOffset = new Map<number, number>();
  ranges.forEach((range, i) => {
    if (range && !byOffset.has(range.start)) byOffset.set(range.start, transcript.points[i]!.timeStamp / 1000);
  });
  if (byOffset.size) {
    const points = [...byOffset].map(([offset, seconds]) => ({ offset, seconds })).sort((a, b) => a.offset - b.offset);
    source.syncPoints = points;
  }
  return transcript.points.length - byOffset.size;
}

/**
 * Every recording's transcripts matched to the sources read (by their text file), or read as
 * transcripts of their own (`readTranscript`); returns the warnings to give.
 */
export function resolveMedia(
  media: readonly MediaElement[],
  byTextPath: ReadonlyMap<string, Source | null>,
  ctx: ReadContext,
  origin: string | undefined,
  readTranscript: (t: MediaTranscript) => Source | null,
): string[] {
  const warnings: string[] = [];
  let lost = 0;
  let selections = 0;
  for (const element of media) {
    const titles: string[] = [];
    for (const transcript of element.transcripts) {
      selections += transcript.selections;
      const key = textPathKey(transcript.textPath);
      // A TextSource's text file: that transcript (or, when the archive lacks the text, nothing
      // more to say: it is listed as missing already).
      const shared = key ? byTextPath.get(key) : undefined;
      const source = shared === undefined ? readTranscript(transcript) : shared;
      if (!source) continue;
      titles.push(source.title);
      if (transcript.points.length === 0) continue;
      const inline = textOf(transcript.node, 'PlainTextContent');
      const raw = inline ?? ctx.entryText(transcript.textPath.replace(/^internal:\/\//i, ''))?.text ?? source.text;
      lost += applySyncPoints(source, raw, transcript, origin);
    }
    const of = titles.length ? ` of ${titles.map((t) => `"${t}"`).join(', ')}` : '';
    warnings.push(
      `The ${element.kind} recording "${element.name}"${of} is named (${element.path || 'no path'}) but not carried: link it or keep it in the project from the Coding view.`,
    );
  }
  if (lost) warnings.push(`${lost} sync point${lost === 1 ? '' : 's'} outside their transcript's text not imported.`);
  if (selections)
    warnings.push(
      `${selections} transcript selection${selections === 1 ? '' : 's'} (codings from one sync point to another) not imported: this workbench codes the text itself.`,
    );
  return warnings;
}
