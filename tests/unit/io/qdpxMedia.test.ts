// Recordings in a .qdpx (issue 23): a transcript's recording leaves as an AudioSource or
// VideoSource whose Transcript is the transcript's own text file, its times as SyncPoints, the
// file named (not carried); read back, the times come again as sync points, so the same place
// is said at the same moment. Another tool's recording with a transcript of its own becomes a
// transcript. Valid against the REFI-QDA schema.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { timeAt } from '../../../renderer/core/media';
import type { ProjectSnapshot } from '../../../renderer/core/shared/model';
import { readQdpx, writeQdpx } from '../../../renderer/io/qdpx';
import { mediaPath } from '../../../renderer/io/refi/mediaXml';
import { IDS, smallProject } from '../../fixtures/snapshots';
import { validate } from '../../fixtures/refi';

let n = 0;
const newId = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;

/** Dale's T2 with its turns timed as captions time them, an emoji first (positions differ), and its recording linked. */
function timedProject(): ProjectSnapshot {
  const p = smallProject();
  const t2 = p.sources.find((s) => s.id === IDS.t2)!;
  const shift = '😀 '.length;
  t2.text = `😀 ${t2.text}`;
  t2.turns = t2.turns.map((t, i) => ({ ...t, start: t.start + shift, end: t.end + shift, startTime: 750 + i * 4, endTime: 753 + i * 4 }));
  p.codings = p.codings.map((c) => (c.sourceId === IDS.t2 ? { ...c, start: c.start + shift, end: c.end + shift } : c));
  p.media = [{ sourceId: IDS.t2, fileName: 'Dale T2.m4a', mediaType: 'audio/mp4', path: 'C:\\Interviews\\Dale T2.m4a' }];
  return p;
}

const qdeOf = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)['project.qde']!);

describe('a recording in a .qdpx', () => {
  it('goes out as an AudioSource whose Transcript is the TextSource’s text, with a SyncPoint at each known time', async () => {
    const project = timedProject();
    const xml = qdeOf(await writeQdpx(project));
    const audio = /<AudioSource [^>]*>.*<\/AudioSource>/s.exec(xml)![0];
    expect(audio).toContain('name="Dale T2.m4a"');
    expect(audio).toContain('path="absolute:///C:/Interviews/Dale%20T2.m4a"');
    const textPath =
      /<TextSource [^>]*name="Dale T2"[^>]*plainTextPath="([^"]+)"/.exec(xml)?.[1] ??
      /<TextSource [^>]*plainTextPath="([^"]+)"[^>]*name="Dale T2"/.exec(xml)?.[1];
    expect(audio).toContain(`plainTextPath="${textPath}"`);
    // The first turn starts after the emoji: 3 UTF-16 units, 2 code points.
    const t2 = project.sources.find((s) => s.id === IDS.t2)!;
    expect(audio).toContain(`timeStamp="750000" position="${t2.turns[0]!.start - 1}"`);
    expect(validate(xml, 'Project-mrt2019.xsd').valid).toBe(true);
  });

  it('comes back as sync points: every place is said at the same moment as before', async () => {
    const project = timedProject();
    const { project: back, warnings } = await readQdpx(await writeQdpx(project), 'dale.qdpx', { newId, now: 0 });
    const before = project.sources.find((s) => s.id === IDS.t2)!;
    const after = back.sources.find((s) => s.title === 'Dale T2')!;
    expect(after.syncPoints?.length).toBeGreaterThan(0);
    for (const turn of before.turns) expect(timeAt(after, turn.start)).toBeCloseTo(timeAt(before, turn.start)!, 3);
    for (const offset of [before.turns[0]!.start + 5, before.turns.at(-1)!.end - 1])
      expect(timeAt(after, offset)).toBeCloseTo(timeAt(before, offset)!, 3);
    // One transcript, not two: the Transcript shares the TextSource's file.
    expect(back.sources.filter((s) => s.title === 'Dale T2')).toHaveLength(1);
    expect(warnings).toContain(
      'The audio recording "Dale T2.m4a" of "Dale T2" is named (absolute:///C:/Interviews/Dale%20T2.m4a) but not carried: link it or keep it in the project from the Coding view.',
    );
  });

  it('names a recording kept in the project by its file name, and a POSIX path as it is', () => {
    expect(mediaPath({ sourceId: 's', fileName: 'Kieran T2.wav', mediaType: 'audio/wav', path: null })).toBe('relative:///Kieran%20T2.wav');
    expect(mediaPath({ sourceId: 's', fileName: 'a.mp4', mediaType: 'video/mp4', path: '/home/tess/a.mp4' })).toBe(
      'absolute:///home/tess/a.mp4',
    );
  });

  it('says a video is a VideoSource, and writes nothing for a project without recordings', async () => {
    const video = timedProject();
    video.media = [{ ...video.media![0]!, fileName: 'Dale T2.mp4', mediaType: 'video/mp4' }];
    expect(qdeOf(await writeQdpx(video))).toMatch(/<VideoSource [^>]*name="Dale T2.mp4"/);
    const plain = smallProject();
    expect(qdeOf(await writeQdpx(plain))).not.toMatch(/AudioSource|VideoSource|SyncPoint/);
  });
});

describe('another tool’s recording', () => {
  const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Field" origin="Other tool 2.0">
  <Users><User guid="6d3a9f0e-2b1c-4d5e-8f70-0a1b2c3d4e11" name="Ana"/></Users>
  <Sources>
    <VideoSource guid="6d3a9f0e-2b1c-4d5e-8f70-0a1b2c3d4e12" name="Focus group" path="relative:///media/focus.mp4">
      <Transcript guid="6d3a9f0e-2b1c-4d5e-8f70-0a1b2c3d4e13" name="Focus group transcript">
        <PlainTextContent>Ana: We met on Tuesdays.
Ben: I came late.</PlainTextContent>
        <SyncPoint guid="6d3a9f0e-2b1c-4d5e-8f70-0a1b2c3d4e14" position="0" timeStamp="1000"/>
        <SyncPoint guid="6d3a9f0e-2b1c-4d5e-8f70-0a1b2c3d4e15" position="24" timeStamp="6500"/>
        <SyncPoint guid="6d3a9f0e-2b1c-4d5e-8f70-0a1b2c3d4e16" position="999" timeStamp="9000"/>
        <TranscriptSelection guid="6d3a9f0e-2b1c-4d5e-8f70-0a1b2c3d4e17" fromSyncPoint="6d3a9f0e-2b1c-4d5e-8f70-0a1b2c3d4e14" toSyncPoint="6d3a9f0e-2b1c-4d5e-8f70-0a1b2c3d4e15"/>
      </Transcript>
    </VideoSource>
  </Sources>
</Project>`;

  it('becomes a transcript with its sync points; what cannot be read is said', async () => {
    expect(validate(qde, 'Project-mrt2019.xsd').valid).toBe(true);
    const bytes = zipSync({ 'project.qde': strToU8(qde) });
    const { project, warnings } = await readQdpx(bytes, 'field.qdpx', { newId, now: 0 });
    const source = project.sources.find((s) => s.title === 'Focus group transcript')!;
    expect(source.text).toBe('Ana: We met on Tuesdays.\nBen: I came late.');
    expect(source.syncPoints).toEqual([
      { offset: 0, seconds: 1 },
      { offset: 24, seconds: 6.5 },
    ]);
    expect(timeAt(source, source.text.indexOf('Ben'))).toBeCloseTo(6.5, 1);
    expect(warnings).toEqual(
      expect.arrayContaining([
        'The video recording "Focus group" of "Focus group transcript" is named (relative:///media/focus.mp4) but not carried: link it or keep it in the project from the Coding view.',
        '1 sync point outside their transcript\u2019s text not imported.'.replace('\u2019', "'"),
        '1 transcript selection (codings from one sync point to another) not imported: this workbench codes the text itself.',
      ]),
    );
  });
});
