// The part of reading project.qde that runs as the file streams past (qdeRead.ts): the users,
// codebook and variables, which the schema puts first, and then each element of <Sources> as
// it closes, a text source (or a PDF's text) read with its selections, a recording kept for
// qdeMedia.ts, pictures counted.
import type { AttributeDef, AttributeValue, Code, RoleDef, Source } from '../../core/shared';
import { readGuid } from './guid';
import { PROJECT_NAMESPACE } from './qdeWrite';
import type { ReadContext } from './qdeRead';
import { readMediaElement, textPathKey, type MediaElement, type MediaTranscript } from './qdeMedia';
import { Reader, type SourceSink } from './qdeReader';
import { parseRolesDescription, readVariableValue } from './variablesXml';
import { attr, child, children, rootNamespace, textOf, type XmlNode } from './xml';

export const SOURCE_TAGS = new Set(['TextSource', 'PDFSource', 'PictureSource', 'AudioSource', 'VideoSource']);

export interface VariableDef {
  name: string;
  type: string;
  /** The attribute type our own export wrote in the Description, if any. */
  declared?: AttributeDef['type'];
  /** Position in <Variables>: attribute columns keep the file's order. */
  index: number;
}

/** The users, codebook and variables, then each source as it comes. */
export class SourcesReading {
  begun = false;
  /** Made in begin(), when the project's origin is known. */
  r!: Reader;
  codes: Code[] = [];
  readonly variables = new Map<string, VariableDef>();
  fileRoles: RoleDef[] | null = null;
  readonly sink: SourceSink = {
    codings: [],
    missing: [],
    switched: [],
    doubtful: [],
    adjusted: 0,
    emptySelections: 0,
    uncodedNotes: 0,
    richText: 0,
    richMissing: [],
  };
  readonly sources: Source[] = [];
  readonly sourceByGuid = new Map<string, Source>();
  readonly sourceVariables = new Map<string, { def: VariableDef; value: AttributeValue }[]>();
  readonly descriptions = new Map<string, string>();
  readonly skipped: Record<string, number> = {};
  /**
   * Sources by their text file, for the recordings' Transcripts that share it (qdeMedia.ts);
   * null for a TextSource whose text the archive lacks (already reported as missing).
   */
  readonly byTextPath = new Map<string, Source | null>();
  /** Recordings, resolved once every TextSource is read. */
  readonly media: MediaElement[] = [];

  constructor(
    private readonly ctx: ReadContext,
    private readonly xml: string,
  ) {}

  begin(project: XmlNode): void {
    if (this.begun) return;
    this.begun = true;
    const origin = attr(project, 'origin');
    const r = (this.r = new Reader(this.ctx, this.xml, origin));
    const ns = rootNamespace(this.xml, 'Project');
    if (ns && ns !== PROJECT_NAMESPACE) r.warnings.push(`The file names the namespace "${ns}"; it was read as ${PROJECT_NAMESPACE}.`);
    r.readUsers(project);
    this.codes = r.readCodebook(project);
    for (const v of children(child(project, 'Variables'), 'Variable')) {
      const guid = readGuid(attr(v, 'guid'));
      const declared = /^Participant attribute \((text|number|boolean|date)\)$/.exec(textOf(v, 'Description') ?? '')?.[1] as
        AttributeDef['type'] | undefined;
      this.fileRoles ??= parseRolesDescription(textOf(v, 'Description'));
      if (guid && !this.variables.has(guid))
        this.variables.set(guid, {
          name: (attr(v, 'name') ?? '').trim(),
          type: attr(v, 'typeOfVariable') ?? 'Text',
          declared,
          index: this.variables.size,
        });
    }
  }

  valuesOf(node: XmlNode, where: string): { def: VariableDef; value: AttributeValue }[] {
    return children(node, 'VariableValue').flatMap((vv) => {
      const def = this.r.ref(attr(child(vv, 'VariableRef'), 'targetGUID'), this.variables, 'variable', where);
      return def ? [{ def, value: readVariableValue(vv) }] : [];
    });
  }

  /** One element of <Sources>: a text source or a PDF's text is read, the others counted. */
  source(tag: string, node: XmlNode, project: XmlNode): void {
    this.begin(project);
    const { r, sink, skipped } = this;
    if (tag === 'TextSource') {
      const title = (attr(node, 'name') ?? '').trim() || (attr(node, 'plainTextPath') ?? '').replace(/^.*[\\/]/, '') || 'Untitled source';
      const source = r.readTextSource(node, title, attr(node, 'guid'), sink);
      this.add(node, source, `Source "${title}"`);
      const key = textPathKey(attr(node, 'plainTextPath'));
      if (key && !this.byTextPath.get(key)) this.byTextPath.set(key, source);
    } else if (tag === 'PDFSource') {
      const title = (attr(node, 'name') ?? '').trim() || 'Untitled PDF';
      const representation = child(node, 'Representation');
      const areas = children(node, 'PDFSelection').length;
      if (areas) skipped['PDF area selection'] = (skipped['PDF area selection'] ?? 0) + areas;
      if (!representation) {
        skipped['PDF without a text representation'] = (skipped['PDF without a text representation'] ?? 0) + 1;
        return;
      }
      // The PDF's text layer is a text source of its own; its guid stands for the PDF.
      this.add(node, r.readTextSource(representation, title, attr(node, 'guid'), sink), `Source "${title}"`);
    } else if (tag === 'AudioSource' || tag === 'VideoSource') {
      this.media.push(readMediaElement(tag, node));
    } else {
      skipped['picture'] = (skipped['picture'] ?? 0) + 1;
    }
  }

  /** A recording's Transcript with a text of its own, read as a transcript. */
  readTranscript(transcript: MediaTranscript): Source | null {
    const source = this.r.readTextSource(transcript.node, transcript.title, transcript.guid, this.sink);
    this.add(transcript.node, source, `Transcript "${transcript.title}"`);
    return source;
  }

  private add(node: XmlNode, source: Source | null, where: string): void {
    if (!source) return;
    this.sources.push(source);
    const guid = readGuid(attr(node, 'guid'));
    if (guid && !this.sourceByGuid.has(guid)) this.sourceByGuid.set(guid, source);
    this.sourceVariables.set(source.id, this.valuesOf(node, where));
    const description = textOf(node, 'Description');
    if (description) this.descriptions.set(source.id, description);
  }
}
