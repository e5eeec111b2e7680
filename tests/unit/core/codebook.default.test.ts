// The default codebook (its file, structure, guidance and colours) and the JSON schema published with it.
import { readFileSync } from 'node:fs';
import { hueOf } from '../../../renderer/core/codebook/colours';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CODEBOOK, DEFAULT_CODEBOOK_NAME } from '../../../codebook';
import { isColour, parseCodebookJson, type CodebookNode } from '../../../renderer/core/codebook/codebook';
import { flat, names } from '../../fixtures/codebookTrees';

const fileText = readFileSync(new URL('../../../codebook/default-codebook.json', import.meta.url), 'utf8');
const schema = JSON.parse(readFileSync(new URL('../../../codebook/codebook.schema.json', import.meta.url), 'utf8'));

const find = (nodes: readonly CodebookNode[], name: string) => nodes.find((n) => n.name === name)!;
// WCAG contrast of dark transcript text (black) over the highlight.
const contrastWithBlack = (hex: string) => {
  const lin = [1, 3, 5]
    .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return (0.2126 * lin[0]! + 0.7152 * lin[1]! + 0.0722 * lin[2]! + 0.05) / 0.05;
};

describe('the default codebook', () => {
  const all = flat(DEFAULT_CODEBOOK);

  it('is a valid codebook file and loads as DEFAULT_CODEBOOK', () => {
    expect(parseCodebookJson(fileText, 'default-codebook.json')).toEqual(DEFAULT_CODEBOOK);
    const raw = JSON.parse(fileText);
    expect([raw.format, raw.version, raw.name]).toEqual(['mirabal-codebook', 1, 'Project Mirabal: measures of success and themes']);
    expect(DEFAULT_CODEBOOK_NAME).toBe(raw.name);
    expect(all).toHaveLength(52);
    expect(Object.isFrozen(DEFAULT_CODEBOOK[0])).toBe(true);
  });

  it('has the six measures of success with their indicators, then the themes', () => {
    expect(names(DEFAULT_CODEBOOK)).toEqual([
      'Respectful communication',
      'Expanded space for action',
      'Safety and freedom from violence',
      'Safe, positive and shared parenting',
      'Awareness of self and others',
      'Safer, healthier childhoods',
      'Process of change',
      'Gender',
      'Experience of the programme',
      "Women's support service",
      "Children's views",
      'Service integrity',
      'Coordinated community response',
    ]);
    const kids = (name: string) => names(find(DEFAULT_CODEBOOK, name).children);
    expect(kids('Respectful communication')).toEqual([
      'Negotiates during disagreements',
      'Acts considerately',
      'Listens so she feels heard',
    ]);
    expect(kids('Expanded space for action')).toEqual([
      'Uses money to control',
      'Prevents contact with friends or family',
      'Tells her how to dress',
    ]);
    expect(kids('Safety and freedom from violence')).toEqual([
      'Physical violence',
      'Sexual violence',
      'Weapon used',
      'Physical injury',
      'Children saw or overheard',
      'Harassment and other abuse',
      'Feeling safe',
    ]);
    expect(kids('Safe, positive and shared parenting')).toEqual([]);
    expect(kids('Awareness of self and others')).toEqual([
      'Justifying or excusing',
      'Minimising and deflecting',
      'Takes responsibility',
      'Understands impact on children',
    ]);
    expect(kids('Safer, healthier childhoods')).toEqual([
      "Children worry about mother's safety",
      'Children frightened of him',
      "Children's friendships",
    ]);
    expect(kids('Process of change')).toEqual(['Series of sparks', 'Light-bulb moment', 'Techniques learnt', 'Steps backwards']);
    expect(names(find(find(DEFAULT_CODEBOOK, 'Process of change').children!, 'Techniques learnt').children)).toEqual([
      'Time Out',
      'Counting to ten',
      'Positive self-talk',
    ]);
    expect(kids('Gender')).toEqual([
      'Being a man',
      'Being a woman',
      'Equality a thing of the past',
      'Protector, provider, head of family',
      'Knowing best',
      'Entitlement',
      'Women positioned as deficient',
    ]);
    expect(kids('Experience of the programme')).toEqual([
      'Group work',
      'Held to account by peers',
      'One-to-one work',
      'Facilitators',
      'Daring to be vulnerable',
    ]);
    for (const i of [0, 1, 2, 3, 4, 5]) expect(DEFAULT_CODEBOOK[i]!.description).toMatch(new RegExp(`^Measure of success ${i + 1}:`));
    for (const theme of DEFAULT_CODEBOOK.slice(6)) expect(theme.description).toMatch(/^Theme:/);
  });

  it('gives every code guidance a coder can apply', () => {
    for (const { node } of all) {
      expect(node.description, node.name).toBeTruthy();
      expect(node.inclusion, node.name).toBeTruthy();
      expect(node.exclusion, node.name).toBeTruthy();
      expect(node.name.length, node.name).toBeLessThanOrEqual(40);
    }
    // Neighbouring codes point at each other, so coders can tell them apart.
    const awareness = find(DEFAULT_CODEBOOK, 'Awareness of self and others').children!;
    expect(find(awareness, 'Minimising and deflecting').exclusion).toContain('Justifying or excusing');
    expect(find(awareness, 'Justifying or excusing').exclusion).toContain('Minimising and deflecting');
    expect(all.filter(({ node }) => node.examples).length).toBeGreaterThanOrEqual(30);
  });

  it('keeps names unique among siblings', () => {
    for (const list of [DEFAULT_CODEBOOK, ...all.map(({ node }) => node.children ?? [])]) {
      const keys = list.map((n) => n.name.toLowerCase());
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  it('has valid, readable colours, and codes side by side (siblings, a parent and its children) in clearly different hues', () => {
    const colours = all.map(({ node }) => node.colour!);
    expect(colours.every((c) => /^#[0-9a-f]{6}$/.test(c))).toBe(true);
    for (const c of colours) expect(contrastWithBlack(c), c).toBeGreaterThanOrEqual(4.5);
    const hueGap = (a: string, b: string) => {
      const d = Math.abs(hueOf(a) - hueOf(b)) % 360;
      return Math.min(d, 360 - d);
    };
    const groups = [DEFAULT_CODEBOOK, ...all.filter(({ node }) => node.children?.length).map(({ node }) => [node, ...node.children!])];
    for (const group of groups) {
      for (const [i, a] of group.entries()) {
        for (const b of group.slice(i + 1)) expect(hueGap(a.colour!, b.colour!), `${a.name} / ${b.name}`).toBeGreaterThanOrEqual(25);
      }
    }
  });
});

describe('the schema', () => {
  it('describes the same fields and colour format the reader accepts', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.properties.format.const).toBe('mirabal-codebook');
    expect(schema.required).toEqual(['format', 'version', 'codes']);
    const code = schema.$defs.code;
    expect(Object.keys(code.properties).sort()).toEqual([
      'children',
      'colour',
      'description',
      'examples',
      'exclusion',
      'inclusion',
      'name',
    ]);
    expect(code.additionalProperties).toBe(false);
    const pattern = new RegExp(code.properties.colour.pattern);
    for (const c of ['#a1b2c3', '#A1B2C3', 'red', '#abc', '#a1b2c3d4']) expect(pattern.test(c), c).toBe(isColour(c));
    const name = new RegExp(code.properties.name.pattern);
    expect(['Listens', ' ', '', 'two\nlines'].map((n) => name.test(n))).toEqual([true, false, false, false]);
  });
});
