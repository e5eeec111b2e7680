// A transcript's recording in project.qde (REFI-QDA 1.5 §8.3, §10): an AudioSource or
// VideoSource holding a Transcript that is the transcript's own text file, with SyncPoints at
// every place whose time is known (cues, timestamps, the researcher's sync points: core/media's
// timeline). As QualCoder does it, the codings stay on the TextSource, where they are exact to
// the character; a TranscriptSelection can only run from one sync point to another.
// The recording itself is named, not carried: a linked file by where it is (absolute://), a
// kept one by its file name (relative://), which the importing tool asks the researcher to find.
import { timeline } from '../../core/media';
import type { MediaRef, Source } from '../../core/shared';
import { derivedGuid, guidFor } from './guid';
import { toCodePoints } from './positions';
import { attrs } from './xml';

/** The file's place as a REFI path: 'absolute:///C:/Interviews/a.m4a', 'absolute:///home/r/a.m4a'. */
export function mediaPath(media: MediaRef): string {
  if (media.path === null) return `relative:///${encodeURI(media.fileName)}`;
  const slashed = media.path.replace(/\\/g, '/');
  return `absolute://${slashed.startsWith('/') ? '' : '/'}${encodeURI(slashed)}`;
}

/** The <AudioSource> or <VideoSource> of `source`'s recording; `textPath` is its TextSource's plainTextPath. */
export function mediaSourceXml(source: Source, media: MediaRef, textPath: string, utf16: boolean): string {
  const tag = media.mediaType.startsWith('video/') ? 'VideoSource' : 'AudioSource';
  const { points } = timeline(source);
  const offsets = points.map((p) => ({ start: p.offset, end: p.offset }));
  const positions = utf16 ? offsets : toCodePoints(source.text, offsets);
  const syncPoints = points
    .map(
      (p, i) =>
        `<SyncPoint${attrs({
          guid: derivedGuid(`syncpoint:${source.id}:${i}`),
          timeStamp: Math.round(p.seconds * 1000),
          position: positions[i]!.start,
        })}/>`,
    )
    .join('');
  const transcript = `<Transcript${attrs({ guid: guidFor('transcript', source.id), name: source.title, plainTextPath: textPath })}>${syncPoints}</Transcript>`;
  return `<${tag}${attrs({ guid: guidFor('recording', source.id), name: media.fileName, path: mediaPath(media) })}>${transcript}</${tag}>`;
}
