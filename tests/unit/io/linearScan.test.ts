import { describe, it, expect } from 'vitest';
import { removeSpans, stripAutolinks, stripBracketed, stripPaired, voiceTags } from '../../../renderer/io/linearScan';
import { importTranscript, markdownToText } from '../../../renderer/io/transcripts';
import { documentXmlToText } from '../../../renderer/io/docx';
import { errorOf } from '../../fixtures/errorOf';

// The regexes the scanners replace: each scanner must give exactly what its regex gave.
const REGEX = {
  paired: (s: string) => s.replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2'),
  tilde: (s: string) => s.replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1'),
  image: (s: string) => s.replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1'),
  inline: (s: string) => s.replace(/\[([^\]]+)\]\([^)]*\)/g, '$1'),
  ref: (s: string) => s.replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1'),
  autolink: (s: string) => s.replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1'),
  tags: (s: string) => s.replace(/<[^>]*>/g, ''),
  overrides: (s: string) => s.replace(/\{\\[^}]*\}/g, ''),
  voices: (s: string) => [...s.matchAll(/<v(?:\.[^\s>]*)?(?:[ \t]+([^>]*))?>/g)].map((m) => [m.index, m.index + m[0].length, m[1]]),
};

/** Deterministic pseudo-random strings over the characters the patterns care about. */
function* samples(alphabet: string[], count: number): Generator<string> {
  let seed = 12345;
  const next = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed);
  for (let n = 0; n < count; n++) {
    const length = next() % 24;
    let s = '';
    for (let i = 0; i < length; i++) s += alphabet[next() % alphabet.length];
    yield s;
  }
}

describe('linear scanners give what their regexes gave', () => {
  it('paired delimiters', () => {
    for (const s of samples(['*', '_', '~', 'a', ' ', '\n', '**', '__', '~~'], 20000)) {
      expect(stripPaired(s, ['**', '__']), JSON.stringify(s)).toBe(REGEX.paired(s));
      expect(stripPaired(s, ['~~']), JSON.stringify(s)).toBe(REGEX.tilde(s));
    }
  });

  it('links, autolinks, tags and voices', () => {
    for (const s of samples(['[', ']', '(', ')', '!', 'a', ' ', '<', '>', 'http:', 'mailto:', '{\\', '}', '<v', '.', '\t', '\n'], 20000)) {
      const q = JSON.stringify(s);
      expect(stripBracketed(s, 'image'), q).toBe(REGEX.image(s));
      expect(stripBracketed(s, 'inline'), q).toBe(REGEX.inline(s));
      expect(stripBracketed(s, 'ref'), q).toBe(REGEX.ref(s));
      expect(stripAutolinks(s), q).toBe(REGEX.autolink(s));
      expect(removeSpans(s, '<', '>'), q).toBe(REGEX.tags(s));
      expect(removeSpans(s, '{\\', '}'), q).toBe(REGEX.overrides(s));
      expect(
        voiceTags(s).map((t) => [t.index, t.end, t.name]),
        q,
      ).toEqual(REGEX.voices(s));
    }
  });
});

// A 2 MB line is what a hostile or broken file holds. The sizes matter: with the old
// regexes each of these took minutes (quadratic: about 0.3 s at 32 KB, so ~20 min at 2 MB),
// so a regression shows as a test that times out. Only the result is asserted here;
// the timing itself belongs to `npm run bench`.
describe('hostile long lines import (linear-time parsing)', () => {
  const TWO_MB = 2 * 1024 * 1024;
  const line = (unit: string) => unit.repeat(Math.ceil(TWO_MB / unit.length));
  const enc = new TextEncoder();

  for (const unit of ['**a ', '__a ', '~~a ', '[a ', '![a ', '[a](']) {
    it(`a 2 MB markdown line of ${JSON.stringify(unit)}`, async () => {
      const text = line(unit);
      expect(markdownToText(text)).toBe(text);
      const imported = await importTranscript({ name: 'long.md', bytes: enc.encode(text) });
      expect(imported.text).toBe(text);
    });
  }

  for (const unit of ['<v ', '<v.a ', '<b ', '{\\a ']) {
    it(`a 2 MB caption cue of ${JSON.stringify(unit)}`, async () => {
      const vtt = `WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n${line(unit)}\n`;
      const imported = await importTranscript({ name: 'long.vtt', bytes: enc.encode(vtt) });
      expect(imported.text.length).toBeGreaterThan(TWO_MB / 2);
    });
  }

  it('a 2 MB document.xml of unclosed comments is refused', async () => {
    const xml = `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${line('<!--a ')}`;
    const err = await errorOf(Promise.resolve().then(() => documentXmlToText(xml, 'long.docx')));
    expect(err.message).toMatch(/^long\.docx: .*never closed/);
  });

  it('a 2 MB document.xml of unclosed CDATA and instructions is refused', async () => {
    for (const unit of ['<![CDATA[a ', '<?a ']) {
      const xml = `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${line(unit)}`;
      const err = await errorOf(Promise.resolve().then(() => documentXmlToText(xml, 'long.docx')));
      expect(err.message).toContain('never closed');
    }
  });

  it('a closed comment at the very end is still fine', () => {
    const xml = `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>hi</w:t></w:r></w:p></w:body></w:document><!-- end -->`;
    expect(documentXmlToText(xml, 'x.docx')).toBe('hi');
  });
});
