// The lint rules that keep the layers: each is shown to fail on a planted violation (and to
// pass the same layer's ordinary code), so a rule that silently stopped working is caught.
import { ESLint } from 'eslint';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

/** The rule ids (with the message's gist) that `code`, placed at `file`, breaks. */
async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('the layers, as the linter keeps them', () => {
  const cases: [string, string, RegExp][] = [
    // core: pure TypeScript
    [
      'renderer/core/x.ts',
      "import { useState } from 'react';\nexport const a = useState;",
      /layers\/imports: renderer\/core may not import the package "react"/,
    ],
    ['renderer/core/x.ts', "import 'react';", /layers\/imports: .*"react"/],
    ['renderer/core/x.ts', "import Dexie from 'dexie';\nexport default Dexie;", /"dexie"/],
    ['renderer/core/x.ts', "export const load = () => import('lexical');", /"lexical"/],
    ['renderer/core/x.ts', "export * from '../store/prefs';", /renderer\/core may not import store/],
    ['renderer/core/x.ts', "import { App } from '../views/App';\nexport { App };", /renderer\/core may not import views/],
    ['renderer/core/x.ts', "import fs from 'node:fs';\nexport default fs;", /Node built-in/],
    ['renderer/core/x.ts', 'export const d = globalThis.document;', /no-restricted-properties/],
    ['renderer/core/x.ts', 'export const p = new DOMParser();', /no-restricted-globals: .*DOMParser/],
    ['renderer/core/x.ts', 'export const lang = navigator.language;', /no-restricted-globals: .*navigator/],
    ['renderer/core/x.ts', 'export const id = () => crypto.randomUUID();', /no-restricted-globals: .*crypto/],
    // io: core and file-format libraries
    ['renderer/io/x.ts', "import Dexie from 'dexie';\nexport default Dexie;", /renderer\/io may not import the package "dexie"/],
    ['renderer/io/x.ts', "import { useState } from 'react';\nexport { useState };", /"react"/],
    ['renderer/io/x.ts', "export const w = () => new Worker(new URL('./w.ts', import.meta.url));", /no-restricted-globals: .*Worker/],
    ['renderer/io/x.ts', "export * from '../store/prefs';", /renderer\/io may not import store/],
    // store: core, io, dexie
    [
      'renderer/store/x.ts',
      "import { useState } from 'react';\nexport { useState };",
      /renderer\/store may not import the package "react"/,
    ],
    ['renderer/store/x.ts', "import '../views/App';", /renderer\/store may not import views/],
    // editor: core, lexical, react
    ['renderer/editor/x.ts', "import Dexie from 'dexie';\nexport default Dexie;", /renderer\/editor may not import the package "dexie"/],
    ['renderer/editor/x.ts', "export { prefs } from '../store/prefs';", /renderer\/editor may not import store/],
    // views: anything but Dexie itself and its tables
    ['renderer/views/x.ts', "import Dexie from 'dexie';\nexport default Dexie;", /renderer\/views may not import the package "dexie"/],
    [
      'renderer/views/x.ts',
      'export const f = (db: { codes: { toArray(): unknown } }) => db.codes.toArray();',
      /no-restricted-syntax: Views read and write the project through store functions/,
    ],
    ['renderer/views/x.ts', 'export const f = (p: { db: { transaction: unknown } }) => p.db.transaction;', /no-restricted-syntax/],
    // a folder nobody named
    ['renderer/widgets/x.ts', 'export const a = 1;', /renderer\/widgets is not a layer eslint.config.js knows/],
  ];

  // Type-aware linting builds the whole program on its first call: seconds on a 2-core machine.
  it.each(cases)(
    '%s: %s is refused',
    async (file, code, expected) => {
      const found = await problems(file, code);
      expect(
        found.some((p) => expected.test(p)),
        found.join('\n'),
      ).toBe(true);
    },
    60_000,
  );

  it.each([
    ['renderer/core/x.ts', "import { live } from './shared';\nexport const f = live;"],
    ['renderer/io/x.ts', "import { unzipSync } from 'fflate';\nimport { live } from '../core/model';\nexport const f = [unzipSync, live];"],
    ['renderer/store/x.ts', "import Dexie from 'dexie';\nimport { readQdpx } from '../io/qdpx';\nexport const f = [Dexie, readQdpx];"],
    [
      'renderer/editor/x.tsx',
      "import { useState } from 'react';\nimport { $getRoot } from 'lexical';\nimport './editor.css';\nexport const f = [useState, $getRoot];",
    ],
    [
      'renderer/views/x.tsx',
      "import { useLiveQuery } from 'dexie-react-hooks';\nimport { loadSnapshot } from '../store/projectRepo';\nexport const f = [useLiveQuery, loadSnapshot];",
    ],
  ])('%s: ordinary code of the layer passes', async (file, code) => {
    expect(await problems(file, code)).toEqual([]);
  });
});

describe('core and io compile without the DOM or Node', () => {
  // The planted file is given to the compiler in memory, with the layer's own options.
  async function diagnostics(layer: 'core' | 'io', code: string): Promise<string[]> {
    const ts = (await import('typescript')).default;
    const config = join(root, `tsconfig.${layer}.json`);
    const parsed = ts.getParsedCommandLineOfConfigFile(config, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
    const planted = join(root, 'renderer', layer, 'planted.ts');
    const host = ts.createCompilerHost(parsed.options);
    const read = host.readFile.bind(host);
    host.readFile = (file) => (file === planted ? code : read(file));
    const exists = host.fileExists.bind(host);
    host.fileExists = (file) => file === planted || exists(file);
    const roots = [planted, ...parsed.fileNames.filter((f) => f.endsWith('.d.ts'))];
    const program = ts.createProgram(roots, parsed.options, host);
    return ts
      .getPreEmitDiagnostics(program, program.getSourceFile(planted))
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  }

  it('core refuses the page and Node, and accepts plain TypeScript', async () => {
    expect((await diagnostics('core', 'export const b = document.body;')).join()).toMatch(/Cannot find name 'document'/);
    expect((await diagnostics('core', "export const p = process.env['HOME'];")).join()).toMatch(/Cannot find name 'process'/);
    expect((await diagnostics('core', 'export const d = new TextDecoder();')).join()).toMatch(/Cannot find name 'TextDecoder'/);
    expect(await diagnostics('core', "import { live } from './shared';\nexport const f = live;")).toEqual([]);
  }, 60_000);

  it('io refuses the page and Node (also through docx and papaparse), and accepts text codecs and its libraries', async () => {
    expect((await diagnostics('io', 'export const b = document.body;')).join()).toMatch(/Cannot find name 'document'/);
    expect((await diagnostics('io', "export const p = process.env['HOME'];")).join()).toMatch(/Cannot find name 'process'/);
    expect((await diagnostics('io', "export const b = Buffer.from('x');")).join()).toMatch(/Cannot find name 'Buffer'/);
    const ok =
      "import Papa from 'papaparse';\nexport const f = async () => [new TextDecoder().decode(new Uint8Array()), Papa.unparse([['a']], { escapeFormulae: true, newline: '\\n' }), (await import('docx')).Packer];";
    expect(await diagnostics('io', ok)).toEqual([]);
  });
});
