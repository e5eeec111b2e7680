// SPSS/PSPP system files (.sav) as a SurveyTable: names, labels, value labels and missing codes
// from the dictionary, then the cases, uncompressed or bytecode-compressed, in either byte
// order. Written here rather than taken from npm: sav-reader (2.0.8) reads through Node's
// Buffer and streams, which io may not use (docs/ARCHITECTURE.md). One pass over the bytes.
// The format: PSPP's manual, "System File Format". ZSAV (zlib-compressed) is refused.
import { SURVEY_LIMITS, type SurveyColumn, type SurveyTable } from '../core/surveys';
import type { SurveyValue } from '../core/shared';
import { decodeWindows1252 } from './decode';
import { formatSize, ImportError } from './errors';

/** One variable as the dictionary describes it; a string wider than 255 bytes spans several segments. */
interface Variable {
  shortName: string;
  name: Uint8Array;
  /** 0: numeric; else the string's width in bytes. */
  width: number;
  label?: Uint8Array;
  printFormat: number;
  missingCount: number;
  missingRaw?: Uint8Array;
  /** [first 8-byte slot of the case, slots, bytes used]: one per segment. */
  segments: [number, number, number][];
  valueLabels: [Uint8Array, Uint8Array][];
}

const SAVE_AS_SAV =
  "save it again as .sav: in SPSS, File > Save As with the type 'SPSS Statistics (*.sav)'; in PSPP, SAVE OUTFILE='survey.sav' /COMPRESSED.";
// Days from SPSS's epoch (14 October 1582) to 1970-01-01: dates are seconds since the former.
const SPSS_EPOCH_DAYS = 141428;
/** Print format types that hold a date (DATE, ADATE, EDATE, JDATE, SDATE) or a date and time (DATETIME, YMDHMS). */
const DATE_FORMATS = new Set([20, 23, 24, 38, 39]);
const DATETIME_FORMATS = new Set([22, 41]);

class Reader {
  pos = 0;
  readonly view: DataView;
  constructor(
    readonly bytes: Uint8Array,
    readonly le: boolean,
    readonly fileName: string,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  need(n: number, where: string): void {
    if (n < 0 || this.pos + n > this.bytes.length)
      throw new ImportError(this.fileName, `is cut short: the file ends inside ${where}. Copy it again from where it was saved.`);
  }
  int(where: string): number {
    this.need(4, where);
    const v = this.view.getInt32(this.pos, this.le);
    this.pos += 4;
    return v;
  }
  raw(n: number, where: string): Uint8Array {
    this.need(n, where);
    const out = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
}

const ascii = (bytes: Uint8Array) => String.fromCharCode(...bytes);

/** The text decoder the file's encoding calls for (subtype 20, else the code page of subtype 3). */
function textDecoder(fileName: string, encoding: string | undefined, codePage: number | undefined): (bytes: Uint8Array) => string {
  let label = encoding?.trim().toLowerCase();
  if (!label && codePage !== undefined)
    label = codePage === 65001 ? 'utf-8' : codePage === 2 || codePage === 3 || codePage === 20127 ? 'windows-1252' : `windows-${codePage}`;
  if (!label || label === 'utf-8' || label === 'utf8') {
    const strict = new TextDecoder('utf-8', { fatal: true });
    const loose = new TextDecoder('utf-8');
    // Without a declared encoding, old files are in the system's code page: Windows-1252 when not UTF-8.
    return (bytes) => {
      try {
        return strict.decode(bytes);
      } catch {
        return label ? loose.decode(bytes) : decodeWindows1252(bytes);
      }
    };
  }
  if (['windows-1252', 'cp1252', 'iso-8859-1', 'iso_8859-1', 'latin1', 'us-ascii', 'ascii'].includes(label)) return decodeWindows1252;
  try {
    const decoder = new TextDecoder(label);
    return (bytes) => decoder.decode(bytes);
  } catch {
    throw new ImportError(
      fileName,
      `is written in the character encoding '${encoding ?? label}', which this app cannot read; save it as Unicode (UTF-8) and try again.`,
    );
  }
}

/** The trailing spaces (and NULs) of a fixed-width string are padding. */
function trimEnd(bytes: Uint8Array): Uint8Array {
  let end = bytes.length;
  while (end > 0 && (bytes[end - 1] === 0x20 || bytes[end - 1] === 0)) end--;
  return bytes.subarray(0, end);
}

/** Reads a .sav file's dictionary and cases into a table; refuses a file it cannot read whole. */
export function readSav(fileName: string, bytes: Uint8Array): SurveyTable {
  if (bytes.length > SURVEY_LIMITS.bytes)
    throw new ImportError(
      fileName,
      `is too large (${formatSize(bytes.length)}); a survey file may be at most ${formatSize(SURVEY_LIMITS.bytes)}.`,
    );
  const magic = ascii(bytes.subarray(0, 4));
  if (magic === '$FL3') throw new ImportError(fileName, `is a ZSAV file (zlib-compressed), which this app cannot read; ${SAVE_AS_SAV}`);
  if (magic !== '$FL2')
    throw new ImportError(
      fileName,
      'is not an SPSS system file (.sav): it does not start as one. Export the survey from SPSS or PSPP as .sav, or as CSV.',
    );
  if (bytes.length < 176) throw new ImportError(fileName, 'is cut short: the file ends inside its header.');
  const probe = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const layout = probe.getInt32(64, true);
  const le = layout === 2 || layout === 3;
  if (!le && ![2, 3].includes(probe.getInt32(64, false)))
    throw new ImportError(fileName, 'is not an SPSS system file this app can read (its byte order is unknown).');
  const r = new Reader(bytes, le, fileName);
  r.pos = 72;
  const compression = r.int('the header');
  r.int('the header'); // weight index
  const cases = r.int('the header');
  const bias = r.view.getFloat64(84, le);
  if (compression === 2) throw new ImportError(fileName, `is a ZSAV file (zlib-compressed), which this app cannot read; ${SAVE_AS_SAV}`);
  if (compression !== 0 && compression !== 1)
    throw new ImportError(fileName, `uses a compression (${compression}) this app does not know; ${SAVE_AS_SAV}`);
  if (cases > SURVEY_LIMITS.rows) throw tooManyRows(fileName, cases);
  r.pos = 176;

  // ---- the dictionary ----
  const variables: Variable[] = [];
  /** The variable each 8-byte slot of a case belongs to (continuations point to theirs). */
  const slotOwner: Variable[] = [];
  let sysmis = -Number.MAX_VALUE;
  let encoding: string | undefined;
  let codePage: number | undefined;
  let longNames: Uint8Array | undefined;
  let veryLong: Uint8Array | undefined;
  for (;;) {
    const type = r.int('the dictionary');
    if (type === 2) {
      const width = r.int('a variable');
      const hasLabel = r.int('a variable');
      const missingCount = r.int('a variable');
      const printFormat = r.int('a variable');
      r.int('a variable'); // write format
      const name = r.raw(8, 'a variable');
      let label: Uint8Array | undefined;
      if (hasLabel) {
        const n = r.int('a variable label');
        label = r.raw(n, 'a variable label');
        r.raw((4 - (n % 4)) % 4, 'a variable label');
      }
      const missingRaw = missingCount ? r.raw(8 * Math.min(3, Math.abs(missingCount)), 'missing values') : undefined;
      if (width === -1) {
        const owner = slotOwner[slotOwner.length - 1];
        if (!owner) throw damaged(fileName, 'a string continues a variable that is not there');
        owner.segments[owner.segments.length - 1]![1]++;
        slotOwner.push(owner);
        continue;
      }
      if (width < 0 || width > 255) throw damaged(fileName, `a variable has the width ${width}`);
      const v: Variable = {
        shortName: ascii(trimEnd(name)).toUpperCase(),
        name,
        width,
        label,
        printFormat,
        missingCount,
        missingRaw,
        segments: [[slotOwner.length, 1, width || 8]],
        valueLabels: [],
      };
      if (variables.push(v) > SURVEY_LIMITS.columns * 2) throw tooManyColumns(fileName, variables.length);
      slotOwner.push(v);
    } else if (type === 3) {
      const count = r.int('value labels');
      if (count < 0 || count > (bytes.length - r.pos) / 9) throw damaged(fileName, 'a list of value labels is longer than the file');
      const labels: [Uint8Array, Uint8Array][] = [];
      for (let i = 0; i < count; i++) {
        const value = r.raw(8, 'value labels');
        const n = r.raw(1, 'value labels')[0]!;
        labels.push([value, r.raw(n, 'value labels')]);
        r.raw((8 - ((n + 1) % 8)) % 8, 'value labels');
      }
      if (r.int('value labels') !== 4) throw damaged(fileName, 'value labels are not followed by the variables they label');
      const n = r.int('value labels');
      if (n < 0 || n > slotOwner.length) throw damaged(fileName, 'value labels name more variables than there are');
      for (let i = 0; i < n; i++) {
        const owner = slotOwner[r.int('value labels') - 1];
        if (!owner) throw damaged(fileName, 'value labels name a variable that is not there');
        for (const label of labels) owner.valueLabels.push(label);
      }
    } else if (type === 6) {
      r.raw(80 * Math.max(0, r.int('the document')), 'the document'); // notes, not survey data
    } else if (type === 7) {
      const subtype = r.int('an extension record');
      const size = r.int('an extension record');
      const count = r.int('an extension record');
      if (size < 0 || count < 0 || size * count > bytes.length) throw damaged(fileName, 'an extension record is longer than the file');
      const data = r.raw(size * count, 'an extension record');
      const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
      if (subtype === 3 && data.length >= 32) codePage = view.getInt32(28, le);
      else if (subtype === 4 && data.length >= 8) sysmis = view.getFloat64(0, le);
      else if (subtype === 13) longNames = data;
      else if (subtype === 14) veryLong = data;
      else if (subtype === 20) encoding = ascii(data);
    } else if (type === 999) {
      r.int('the dictionary');
      break;
    } else {
      throw damaged(fileName, `the dictionary holds a record of unknown type ${type} at byte ${r.pos - 4}`);
    }
  }
  const decode = textDecoder(fileName, encoding, codePage);
  const columnVars = mergeVeryLongStrings(fileName, variables, veryLong ? decode(veryLong) : '');
  if (columnVars.length > SURVEY_LIMITS.columns) throw tooManyColumns(fileName, columnVars.length);
  const long = new Map<string, string>();
  for (const pair of (longNames ? decode(longNames) : '').split('\t')) {
    const at = pair.indexOf('=');
    if (at > 0) long.set(pair.slice(0, at).toUpperCase(), pair.slice(at + 1));
  }
  const columns = columnVars.map((v) => describe(v, r, decode, long, sysmis));
  const rows = readCases(r, columnVars, columns, slotOwner.length, { compression, bias, cases, sysmis, decode });
  return { fileName, columns, rows };
}

/** A very long string (over 255 bytes) is stored in segments, each a variable of its own: joined back into one. */
function mergeVeryLongStrings(fileName: string, variables: readonly Variable[], record: string): Variable[] {
  const widths = new Map<string, number>();
  for (const pair of record.split('\t')) {
    const m = /^([^=]+)=0*(\d+)/.exec(pair.replace(/\0/g, ''));
    if (m) widths.set(m[1]!.toUpperCase(), Number(m[2]));
  }
  const out: Variable[] = [];
  for (let i = 0; i < variables.length; i++) {
    const v = variables[i]!;
    const width = widths.get(v.shortName);
    out.push(v);
    if (!width || width <= 255 || v.width === 0) continue;
    const count = Math.ceil(width / 252);
    if (i + count > variables.length) throw damaged(fileName, `the long string ${v.shortName} has fewer segments than its width needs`);
    // Segments are counted in 252s but each but the last holds 255 bytes of the string (as PSPP's
    // sfm_segment_used_bytes): the last segment's variable is 3 bytes per segment wider than its text.
    v.segments = variables.slice(i, i + count).map((segment, s) => {
      const [slot, slots] = segment.segments[0]!;
      return [slot, slots, s < count - 1 ? 255 : width - 255 * (count - 1)];
    });
    v.width = width;
    i += count - 1;
  }
  return out;
}

/** A numeric value, or a string's bytes, from 8 raw bytes of the dictionary. */
function numberOrText(raw: Uint8Array, numeric: boolean, le: boolean, decode: (b: Uint8Array) => string): string | number {
  return numeric ? new DataView(raw.buffer, raw.byteOffset, 8).getFloat64(0, le) : decode(trimEnd(raw)).trim();
}

/** A column's name, label, value labels and missing codes (ranges too: PSPP's LO and HI become infinities). */
function describe(
  v: Variable,
  r: Reader,
  decode: (b: Uint8Array) => string,
  long: ReadonlyMap<string, string>,
  sysmis: number,
): SurveyColumn {
  const numeric = v.width === 0;
  const column: SurveyColumn = { name: long.get(v.shortName) ?? decode(trimEnd(v.name)) };
  if (v.label?.length) column.label = decode(trimEnd(v.label)).trim();
  if (v.valueLabels.length)
    column.valueLabels = v.valueLabels.map(([value, label]) => ({
      value: numberOrText(value, numeric, r.le, decode),
      label: decode(label).trim(),
    }));
  if (v.missingRaw) {
    const values = Array.from({ length: v.missingRaw.length / 8 }, (_, i) =>
      numberOrText(v.missingRaw!.subarray(i * 8, i * 8 + 8), numeric, r.le, decode),
    );
    const edge = (x: number) => (x === sysmis || x <= -1e300 ? -Infinity : x >= 1e300 ? Infinity : x);
    if (numeric && v.missingCount < 0) {
      column.missingRanges = [{ low: edge(values[0] as number), high: edge(values[1] as number) }];
      values.splice(0, 2);
    }
    if (values.length) column.missing = values;
  }
  return column;
}

function dateText(seconds: number, withTime: boolean): string {
  const iso = new Date((seconds - SPSS_EPOCH_DAYS * 86400) * 1000).toISOString();
  return withTime && !iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 19).replace('T', ' ') : iso.slice(0, 10);
}

interface CaseFormat {
  compression: number;
  bias: number;
  cases: number;
  sysmis: number;
  decode: (b: Uint8Array) => string;
}

/**
 * The cases. Each is first laid out as its 8-byte slots (a compressed case is expanded into a
 * scratch case), then read variable by variable. Values in a missing range are added to the
 * column's `missing` list, so everything after io needs one list only.
 */
function readCases(r: Reader, vars: readonly Variable[], columns: SurveyColumn[], slots: number, f: CaseFormat): SurveyValue[][] {
  const { fileName } = r;
  const rows: SurveyValue[][] = [];
  const scratch = new Uint8Array(slots * 8);
  const scratchView = new DataView(scratch.buffer);
  const spaces = new Uint8Array(8).fill(0x20);
  const inRange = columns.map(() => new Set<number>());
  const kinds = vars.map((v) =>
    v.width ? 0 : DATE_FORMATS.has((v.printFormat >> 16) & 0xff) ? 1 : DATETIME_FORMATS.has((v.printFormat >> 16) & 0xff) ? 2 : 3,
  );
  let codes: Uint8Array = new Uint8Array(0);
  let next = 8;
  const truncated = (n: number) =>
    new ImportError(
      fileName,
      `is cut short: the file ends inside case ${n}${f.cases >= 0 ? ` of ${f.cases}` : ''}. Copy it again from where it was saved.`,
    );
  for (let n = 0; f.cases < 0 || n < f.cases; n++) {
    let view: DataView;
    let base: number;
    let bytes: Uint8Array;
    if (f.compression === 0) {
      if (r.pos === r.bytes.length && f.cases < 0) break;
      if (r.pos + slots * 8 > r.bytes.length) throw truncated(n + 1);
      [view, base, bytes] = [r.view, r.pos, r.bytes];
      r.pos += slots * 8;
    } else {
      let ended = false;
      for (let s = 0; s < slots;) {
        if (next === 8) {
          if (r.pos + 8 > r.bytes.length) {
            if (s === 0 && f.cases < 0) {
              ended = true;
              break;
            }
            throw truncated(n + 1);
          }
          codes = r.bytes.subarray(r.pos, r.pos + 8);
          r.pos += 8;
          next = 0;
        }
        const code = codes[next++]!;
        if (code === 0) continue;
        if (code === 252) {
          if (s === 0 && f.cases < 0) {
            ended = true;
            break;
          }
          throw truncated(n + 1);
        }
        if (code === 253) {
          if (r.pos + 8 > r.bytes.length) throw truncated(n + 1);
          scratch.set(r.bytes.subarray(r.pos, r.pos + 8), s * 8);
          r.pos += 8;
        } else if (code === 254) scratch.set(spaces, s * 8);
        else if (code === 255) scratchView.setFloat64(s * 8, f.sysmis, r.le);
        else scratchView.setFloat64(s * 8, code - f.bias, r.le);
        s++;
      }
      if (ended) break;
      [view, base, bytes] = [scratchView, 0, scratch];
    }
    if (rows.length >= SURVEY_LIMITS.rows) throw tooManyRows(fileName, rows.length + 1);
    const row: SurveyValue[] = new Array(vars.length);
    for (let c = 0; c < vars.length; c++) {
      const v = vars[c]!;
      if (kinds[c] !== 0) {
        const x = view.getFloat64(base + v.segments[0]![0] * 8, r.le);
        if (x === f.sysmis || Number.isNaN(x)) row[c] = null;
        else if (kinds[c] === 3) {
          row[c] = x;
          for (const range of columns[c]!.missingRanges ?? []) if (x >= range.low && x <= range.high) inRange[c]!.add(x);
        } else row[c] = dateText(x, kinds[c] === 2);
        continue;
      }
      let text: string;
      if (v.segments.length === 1)
        text = f.decode(trimEnd(bytes.subarray(base + v.segments[0]![0] * 8, base + v.segments[0]![0] * 8 + v.width)));
      else {
        const parts = v.segments.map(([slot, , used]) => bytes.subarray(base + slot * 8, base + slot * 8 + used));
        const joined = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
        parts.reduce((at, p) => (joined.set(p, at), at + p.length), 0);
        text = f.decode(trimEnd(joined));
      }
      row[c] = text.trim() || null; // trimmed and empty as null, as the CSV and XLSX readers give them
    }
    rows.push(row);
  }
  columns.forEach((column, c) => {
    if (!inRange[c]!.size) return;
    const listed = new Set(column.missing ?? []);
    column.missing = [...(column.missing ?? []), ...[...inRange[c]!].filter((x) => !listed.has(x)).sort((a, b) => a - b)];
  });
  return rows;
}

function damaged(fileName: string, what: string): ImportError {
  return new ImportError(fileName, `is damaged (${what}); export it again from SPSS or PSPP.`);
}

function tooManyColumns(fileName: string, n: number): ImportError {
  return new ImportError(
    fileName,
    `has more than ${SURVEY_LIMITS.columns.toLocaleString('en')} columns (${n}), the most a survey file may have. Keep the items you need and try again.`,
  );
}

function tooManyRows(fileName: string, n: number): ImportError {
  return new ImportError(
    fileName,
    `has more than ${SURVEY_LIMITS.rows.toLocaleString('en')} rows (${n}), the most a survey file may have. Split it and import the parts.`,
  );
}
