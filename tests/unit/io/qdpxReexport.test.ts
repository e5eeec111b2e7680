// A file from another tool, imported and exported again, goes back as close to the original as
// the standard and our model allow: every user, code (name, colour, category, description),
// text source (name, description), case (name, description, values) and note the original held
// comes back with its GUID and unchanged, and the export adds none of the app's defaults (no
// colour, variable, wave set or provenance note the original did not have).
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ProjectSnapshot } from '../../../renderer/core/shared/model';
import { writeQdpx } from '../../../renderer/io/qdpx';
import { readGuid } from '../../../renderer/io/refi/guid';
import { attr, child, children, parseXml, textOf, type XmlNode } from '../../../renderer/io/refi/xml';
import { read } from '../../fixtures/qdpxFiles';
import { refiSample, validate } from '../../fixtures/refi';

const SAMPLES = [
  'atlasti-mac-8.4.0__TestProject.qdpx',
  'atlasti-win-23.2.3__target-atlas-project.qdpx',
  'nvivo-mac-15.0.0__nvivo_project.qdpx',
  'qc-1.3.2__demo.qdpx',
];

function projectOf(bytes: Uint8Array): XmlNode {
  const files = unzipSync(bytes);
  const name = Object.keys(files).find((n) => /\.qde$/i.test(n))!;
  return child(parseXml(strFromU8(files[name]!), 'test', name), 'Project')!;
}

const colour = (node: XmlNode) => attr(node, 'color')?.trim().toLowerCase() ?? null;

/** Every Code, at any depth, by its GUID as read. */
function codes(project: XmlNode): Map<string, XmlNode> {
  const out = new Map<string, XmlNode>();
  const walk = (nodes: XmlNode[]) =>
    nodes.forEach((n) => {
      const guid = readGuid(attr(n, 'guid'));
      if (guid && !out.has(guid)) out.set(guid, n);
      walk(children(n, 'Code'));
    });
  walk(children(child(child(project, 'CodeBook'), 'Codes'), 'Code'));
  return out;
}

function byGuid(nodes: XmlNode[]): Map<string, XmlNode> {
  return new Map(nodes.map((n) => [readGuid(attr(n, 'guid')) ?? '', n]));
}

function values(project: XmlNode, node: XmlNode): Record<string, string> {
  const names = new Map(children(child(project, 'Variables'), 'Variable').map((v) => [readGuid(attr(v, 'guid')), attr(v, 'name')]));
  const out: Record<string, string> = {};
  for (const vv of children(node, 'VariableValue')) {
    const name = names.get(readGuid(attr(child(vv, 'VariableRef'), 'targetGUID')));
    const value = ['TextValue', 'BooleanValue', 'IntegerValue', 'FloatValue', 'DateValue']
      .map((t) => textOf(vv, t))
      .find((v) => v !== undefined);
    if (name && value !== undefined && value.trim() !== '') out[name] = value.trim();
  }
  return out;
}

describe.each(SAMPLES)('%s imported and exported again', (sample) => {
  let project: ProjectSnapshot;
  let original: XmlNode;
  let again: XmlNode;
  let xml: string;

  it('gives a schema-valid file', async () => {
    const bytes = refiSample(sample);
    original = projectOf(bytes);
    ({ project } = await read(bytes, sample));
    const out = await writeQdpx(project);
    again = projectOf(out);
    xml = strFromU8(unzipSync(out)['project.qde']!);
    const check = validate(xml, 'Project-mrt2019.xsd');
    expect(check.valid, check.output).toBe(true);
  });

  it('keeps every user, and every code with its name, colour, category and description', () => {
    const users = byGuid(children(child(again, 'Users'), 'User'));
    for (const [guid, user] of byGuid(children(child(original, 'Users'), 'User')))
      expect(attr(users.get(guid), 'name')).toBe(attr(user, 'name'));
    const out = codes(again);
    for (const [guid, code] of codes(original)) {
      const back = out.get(guid);
      expect(back, `code ${attr(code, 'name')}`).toBeDefined();
      expect(attr(back, 'name')).toBe(attr(code, 'name')?.trim());
      expect(colour(back!)).toBe(colour(code)); // none where the original had none
      expect(attr(back, 'isCodable')).toBe(attr(code, 'isCodable') ?? 'true');
      expect(textOf(back, 'Description') ?? '').toBe((textOf(code, 'Description') ?? '').trim());
    }
    expect(out.size).toBe(codes(original).size);
  });

  it('keeps every text source’s name and description, and every case with its name, description and values', () => {
    const sources = byGuid(children(child(again, 'Sources'), 'TextSource'));
    const kept = new Set(project.sources.map((s) => s.id)); // a source whose text the file lacks is named in the preview
    for (const [guid, source] of byGuid(children(child(original, 'Sources'), 'TextSource'))) {
      if (!kept.has(guid)) continue;
      const back = sources.get(guid);
      expect(back, `source ${attr(source, 'name')}`).toBeDefined();
      // A source without a name gets its file's name: the app needs a title.
      expect(attr(back, 'name')).toBe(attr(source, 'name')?.trim() || attr(source, 'plainTextPath')?.replace(/^.*[\\/]/, ''));
      expect(textOf(back, 'Description')).toBe(textOf(source, 'Description'));
    }
    const cases = byGuid(children(child(again, 'Cases'), 'Case'));
    for (const [guid, node] of byGuid(children(child(original, 'Cases'), 'Case'))) {
      const back = cases.get(guid);
      expect(back, `case ${attr(node, 'name')}`).toBeDefined();
      expect(attr(back, 'name')).toBe(attr(node, 'name')?.trim());
      expect(textOf(back, 'Description')).toBe(textOf(node, 'Description'));
      expect(values(again, back!)).toEqual(values(original, node));
    }
  });

  it('keeps every note’s name and text', () => {
    const notes = byGuid(children(child(again, 'Notes'), 'Note'));
    for (const [guid, note] of byGuid(children(child(original, 'Notes'), 'Note'))) {
      const back = notes.get(guid);
      expect(back, `note ${attr(note, 'name')}`).toBeDefined();
      expect(attr(back, 'name')).toBe(attr(note, 'name')?.trim() || undefined);
      expect(textOf(back, 'PlainTextContent')).toBe(textOf(note, 'PlainTextContent') ?? textOf(note, 'Description') ?? '');
    }
  });

  it('adds no variable, wave set or note the original did not have', () => {
    const names = (p: XmlNode, list: string, item: string) => children(child(p, list), item).map((n) => attr(n, 'name'));
    expect(names(again, 'Variables', 'Variable').filter((n) => !names(original, 'Variables', 'Variable').includes(n))).toEqual([]);
    expect(children(child(again, 'Sets'), 'Set').filter((s) => /^Wave id: /.test(textOf(s, 'Description') ?? ''))).toEqual([]);
    expect(children(child(again, 'Notes'), 'Note').length).toBeLessThanOrEqual(children(child(original, 'Notes'), 'Note').length);
    expect(xml).not.toMatch(/Imported from|Original transcript files/);
  });
});
