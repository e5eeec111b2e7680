import { describe, expect, it } from 'vitest';
import { docxToText } from '../../../renderer/io/docx';
import { writeDocx } from '../../../renderer/io/docxWrite';

describe('docx export', () => {
  it('writes a title, headings, paragraphs and a table that our own reader (and Word) can open', async () => {
    const bytes = await writeDocx('Inter-coder agreement', [
      { kind: 'paragraph', text: 'Two coders (Ana and Ben) independently coded 4 transcripts.' },
      { kind: 'heading', text: 'By code' },
      {
        kind: 'table',
        rows: [
          ['Code', 'Alpha'],
          ['Respect & <care>', '0.812'],
        ],
      },
    ]);
    const text = await docxToText(bytes, 'agreement.docx');
    expect(text.split('\n')).toEqual([
      'Inter-coder agreement',
      'Two coders (Ana and Ben) independently coded 4 transcripts.',
      'By code',
      'Code\tAlpha', // the table row by row, its cells joined by tabs
      'Respect & <care>\t0.812',
    ]);
  });
});
