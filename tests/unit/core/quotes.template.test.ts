// Attributions: "(Kieran, Time 2)" from a template of fields, tidy when a value is missing.
import { describe, expect, it } from 'vitest';
import type { ProjectSnapshot } from '../../../renderer/core/shared/model';
import { ValidationError } from '../../../renderer/core/shared/errors';
import { attribution, DEFAULT_TEMPLATE, templateProblems } from '../../../renderer/core/quotes';
import { IDS, smallProject } from '../../fixtures/snapshots';

// Dale: role 'man', site North, group programme, Age 41, Referred by court: true.
// Leanne: role 'woman', site North, no group, Age 38.5.
const project = smallProject();
const dale = { sourceId: IDS.t2, participantId: IDS.dale, wave: 'T2' };
const leanne = { sourceId: IDS.t1, participantId: IDS.leanne, wave: 'T1' };
const nobody = { sourceId: IDS.t1, participantId: '', wave: 'T1' };
const withPeople = (edit: (p: ProjectSnapshot['participants']) => void): ProjectSnapshot => {
  const copy = smallProject();
  edit(copy.participants);
  return copy;
};

describe('attribution: {time} in the recording', () => {
  // Dale's T2 transcript with its turns timed as captions time them: the second turn at 12:34.
  const timed = (): ProjectSnapshot => {
    const copy = smallProject();
    const source = copy.sources.find((s) => s.id === IDS.t2)!;
    source.turns = source.turns.map((t, i) => ({ ...t, startTime: 750 + i * 4 }));
    return copy;
  };

  it('gives when the quote starts, from the turns’ times', () => {
    const p = timed();
    const turn = p.sources.find((s) => s.id === IDS.t2)!.turns[1]!;
    const quote = { ...dale, start: turn.start };
    expect(attribution(p, quote, '({pseudonym}, {wave}, {time})')).toBe('(Dale, Time 2, 12:34)');
  });

  it('is left out, with its comma, where the transcript has no times or the quote no place', () => {
    const quote = { ...dale, start: 0 };
    expect(attribution(project, quote, '({pseudonym}, {wave}, {time})')).toBe('(Dale, Time 2)');
    expect(attribution(timed(), dale, '({pseudonym}, {time})')).toBe('(Dale)');
  });
});

describe('attribution: fields', () => {
  it("defaults to '({pseudonym}, {wave})' with the wave's label", () => {
    expect(DEFAULT_TEMPLATE).toBe('({pseudonym}, {wave})');
    expect(attribution(project, dale)).toBe('(Dale, Time 2)');
  });

  it('fills role (label), site, group (label), title and wave id', () => {
    expect(attribution(project, dale, '{role} · {site} · {group} · {title} · {waveId}')).toBe(
      'Man on programme · North · Programme · Dale T2 · T2',
    );
  });

  it("takes a role's label from the project, else the built-in roles, else its id", () => {
    expect(attribution({ ...project, roles: [{ id: 'man', label: 'Father' }] }, dale, '{role}')).toBe('Father');
    expect(attribution({ ...project, roles: undefined }, dale, '{role}')).toBe('Man on programme');
    expect(
      attribution(
        withPeople((ps) => {
          ps[0]!.role = 'staff';
        }),
        dale,
        '{role}',
      ),
    ).toBe('Staff');
    expect(
      attribution(
        withPeople((ps) => {
          ps[0]!.role = 'elder';
        }),
        dale,
        '{role}',
      ),
    ).toBe('elder');
  });

  it('fills participant attributes by name: numbers, yes/no, dates', () => {
    expect(attribution(project, dale, '{pseudonym}, {Age}, {Referred by court}, {Interviewed}')).toBe('Dale, 41, yes, 2025-03-01');
    expect(attribution(project, leanne, '{pseudonym}, {Age}')).toBe('Leanne, 38.5');
    expect(
      attribution(
        withPeople((ps) => {
          ps[0]!.attributes['Referred by court'] = false;
        }),
        dale,
        '{Referred by court}',
      ),
    ).toBe('no');
  });

  it('knows an attribute only a participant carries (not in the attribute columns)', () => {
    const p = withPeople((ps) => {
      ps[1]!.attributes['age band'] = '30–39';
    });
    expect(attribution(p, leanne, '({pseudonym}, {age band})')).toBe('(Leanne, 30–39)');
    expect(attribution(p, dale, '({pseudonym}, {age band})')).toBe('(Dale)');
  });

  it('takes any attribute name, even one that is a property of every object', () => {
    const name: string = 'constructor';
    const p = withPeople((ps) => {
      ps[0]!.attributes[name] = 'odd but valid';
    });
    expect(attribution(p, dale, '{pseudonym}: {Constructor}')).toBe('Dale: odd but valid');
  });

  it('reads field names without regard to case or spaces inside the braces', () => {
    expect(attribution(project, dale, '({PSEUDONYM}, { Wave }, {  age }, {referred   BY court})')).toBe('(Dale, Time 2, 41, yes)');
  });

  it("uses 'Unknown participant' when the quote has no participant", () => {
    expect(attribution(project, nobody)).toBe('(Unknown participant, Time 1)');
    expect(attribution(project, nobody, '({pseudonym}, {role}, {site}, {Age})')).toBe('(Unknown participant)');
  });

  it("shows a wave's id when the project does not know it", () => {
    expect(attribution(project, { ...dale, wave: 'T9' })).toBe('(Dale, T9)');
  });

  it('leaves text around fields as written, braces only around fields', () => {
    expect(attribution(project, dale, '— {pseudonym}, interviewed at {wave} [{site}]')).toBe('— Dale, interviewed at Time 2 [North]');
  });
});

describe('attribution: empty values', () => {
  it('drops an empty value with one separator next to it', () => {
    expect(attribution(project, leanne, '({pseudonym}, {group}, {wave})')).toBe('(Leanne, Time 1)');
    expect(attribution(project, { ...leanne, wave: '' })).toBe('(Leanne)');
    expect(attribution(project, leanne, '({group}, {wave})')).toBe('(Time 1)');
    expect(attribution(project, leanne, '{pseudonym} · {group} · {wave}')).toBe('Leanne · Time 1');
    expect(attribution(project, leanne, '{pseudonym} - {group}')).toBe('Leanne');
    expect(attribution(project, leanne, '{group}; {pseudonym}')).toBe('Leanne');
    expect(attribution(project, leanne, '{pseudonym} {group}')).toBe('Leanne');
  });

  it('never leaves ", ," behind when empty values follow each other', () => {
    expect(attribution(project, leanne, '{pseudonym}, {group}, {Notes}, {wave}')).toBe('Leanne, Time 1');
    expect(attribution(project, leanne, '{pseudonym}, {group}, {Notes}')).toBe('Leanne');
    expect(attribution(project, leanne, '({group}, {Notes}, {pseudonym})')).toBe('(Leanne)');
  });

  it('drops brackets left empty', () => {
    expect(attribution(project, leanne, '{pseudonym} ({group})')).toBe('Leanne');
    expect(attribution(project, leanne, '{pseudonym}, ({group})')).toBe('Leanne');
    expect(attribution(project, leanne, '{pseudonym} [{group}, {Notes}]')).toBe('Leanne');
    expect(attribution(project, { ...leanne, wave: '' }, '({group}, {wave})')).toBe('');
  });
});

describe('templateProblems', () => {
  it('finds nothing wrong with good templates', () => {
    expect(templateProblems(project, DEFAULT_TEMPLATE)).toEqual([]);
    expect(templateProblems(project, '{pseudonym} {WAVE} {waveId} {role} {site} {group} {title} {Age} {referred by court}')).toEqual([]);
    expect(templateProblems(project, 'no fields at all')).toEqual([]);
  });

  it('names an unknown field and what may be used instead', () => {
    expect(templateProblems(project, '({pseudonym}, {agee})')).toEqual([
      'Unknown field {agee}: use {pseudonym}, {wave}, {role}, {site}, {group}, {title}, {time} or a participant attribute such as {Age}.',
    ]);
  });

  it('lists each unknown field once', () => {
    expect(templateProblems(project, '{x} {y} {x}')).toHaveLength(2);
    expect(templateProblems(project, '{x} {y} {x}')[1]).toMatch(/^Unknown field \{y\}:/);
  });

  it('suggests no attribute when the project has none', () => {
    const bare: ProjectSnapshot = {
      ...project,
      attributeDefs: [],
      participants: project.participants.map((p) => ({ ...p, attributes: {} })),
    };
    expect(templateProblems(bare, '{Age}')).toEqual([
      'Unknown field {Age}: use {pseudonym}, {wave}, {role}, {site}, {group}, {title} or {time}.',
    ]);
  });

  it('reports a brace without its partner, and an empty field', () => {
    expect(templateProblems(project, '({pseudonym}, {wave)')).toEqual(['A { or } has no partner: write a field as {pseudonym}.']);
    expect(templateProblems(project, '{}')).toEqual([expect.stringMatching(/^Unknown field \{\}:/)]);
  });

  it('makes attribution throw a ValidationError with the same message', () => {
    expect(() => attribution(project, dale, '({pseudonym}, {agee})')).toThrow(ValidationError);
    expect(() => attribution(project, dale, '({pseudonym}, {agee})')).toThrow(templateProblems(project, '({pseudonym}, {agee})')[0]!);
  });
});
