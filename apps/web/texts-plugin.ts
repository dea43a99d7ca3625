import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type ESTree, normalizePath, type Plugin, parseSync } from 'vite';

type Expression = ESTree.Expression;

/**
 * The Indonesian texts travel with the code that shows them (issue 18). Each feature keeps its texts
 * in `features/<name>/i18n*.ts` (`export const id = { group: {...}, ... }`, every top-level group
 * in one file). A module of the app that names a key of a group (`'musrenbang.title'`, a template
 * `` `index.schemes.${s}` ``, a label in a list) gets an import of that group's file added at build:
 * the texts load in the chunk that needs them, and register themselves before the module's code
 * runs. A first visit no longer downloads every text of the app (23 kB gzip, of which the sign-in
 * page used one group). The shell's texts (navigation, roles, problems) load with `app/i18n.ts`.
 * A key no module names literally is loaded when first asked for (app/i18n.ts, `missingKeyHandler`).
 */
const VIRTUAL = 'virtual:sinergi-texts';
/** A feature's Indonesian texts file (`i18n.ts`, `i18n-public.ts`; not the `.en.ts` beside it). */
const isTextsFile = (path: string) => /\/i18n[\w-]*\.ts$/.test(normalizePath(path));

/** A group's file and the key paths under it; `open` are those whose value is made by code (any key below them may exist). */
export interface Group {
  file: string;
  paths: string[];
  open: string[];
}

/** The groups of a texts file's `export const id = { ... }`, with every key path in them. */
export function groupsOf(file: string, code: string): Map<string, Group> {
  const { program } = parseSync(file, code);
  const groups = new Map<string, Group>();
  const walk = (node: Expression, path: string, g: Group) => {
    if (node.type === 'ObjectExpression') {
      for (const p of node.properties) {
        if (
          p.type !== 'Property' ||
          p.computed ||
          (p.key.type !== 'Identifier' && p.key.type !== 'Literal')
        ) {
          g.open.push(path);
          continue;
        }
        const name = p.key.type === 'Identifier' ? p.key.name : String(p.key.value);
        g.paths.push(`${path}.${name}`);
        walk(p.value as Expression, `${path}.${name}`, g);
      }
    } else if (node.type !== 'Literal' && node.type !== 'TemplateLiteral') g.open.push(path);
  };
  for (const s of program.body) {
    if (s.type !== 'ExportNamedDeclaration' || s.declaration?.type !== 'VariableDeclaration') continue;
    for (const d of s.declaration.declarations) {
      if (d.id.type !== 'Identifier' || d.id.name !== 'id' || d.init?.type !== 'ObjectExpression') continue;
      for (const p of d.init.properties) {
        if (p.type !== 'Property' || p.computed || p.key.type !== 'Identifier')
          throw new Error(`${file}: the texts' top-level keys must be plain names`);
        const g: Group = { file, paths: [], open: [] };
        walk(p.value as Expression, p.key.name, g);
        groups.set(p.key.name, g);
      }
    }
  }
  return groups;
}

/** Every feature texts file's groups (Indonesian; English is loaded whole when chosen). */
export function textFiles(src: string): Map<string, Group> {
  const all = new Map<string, Group>();
  const features = join(src, 'features');
  for (const feature of readdirSync(features))
    for (const name of readdirSync(join(features, feature))) {
      const file = normalizePath(join(features, feature, name));
      if (!isTextsFile(file)) continue;
      for (const [name, group] of groupsOf(file, readFileSync(file, 'utf8'))) {
        const other = all.get(name);
        if (other) throw new Error(`texts group "${name}" is in both ${other.file} and ${file}`);
        all.set(name, group);
      }
    }
  return all;
}

/**
 * The groups a module's code names: a string that is a key, a plural's key (`'pb.count'` for
 * `pb.count_other`) or a list of keys (`'musrenbang.stages'`), or the start of a template or a sum
 * that begins a key (`` `index.schemes.${s}` ``). A permission (`'plans.read'`) shares a group's
 * name but names no key.
 */
export function groupsNamed(code: string, groups: ReadonlyMap<string, Group>): Set<string> {
  const named = new Set<string>();
  for (const m of code.matchAll(/(['"`])([A-Za-z]\w*)(\.[\w.]*)(.)/g)) {
    const [, quote, name, rest, after] = m as unknown as [string, string, string, string, string];
    const g = groups.get(name);
    if (!g || named.has(name)) continue;
    const text = name + rest;
    const whole = after === quote && !text.endsWith('.');
    const names = (k: string) =>
      whole ? k === text || k.startsWith(`${text}.`) || k.startsWith(`${text}_`) : k.startsWith(text);
    if (g.paths.some(names) || g.open.some((k) => text.startsWith(`${k}.`))) named.add(name);
  }
  return named;
}

export function textsPlugin(src: string): Plugin {
  const root = normalizePath(src);
  const i18n = `${root}/app/i18n.ts`;
  let groups = new Map<string, Group>();
  const moduleOf = (file: string) => `${VIRTUAL}/${relative(root, file).replace(/\.ts$/, '')}`;
  return {
    name: 'sinergi:texts',
    enforce: 'pre',
    buildStart() {
      groups = textFiles(root);
    },
    // A key added while `vite` serves the app is found without a restart.
    watchChange(id) {
      if (isTextsFile(id)) groups = textFiles(root);
    },
    resolveId(source) {
      if (source === VIRTUAL || source.startsWith(`${VIRTUAL}/`)) return `\0${source}`;
    },
    load(id) {
      if (id === `\0${VIRTUAL}`) {
        // Every group's loader, for a key asked for that no loaded module named.
        const loaders = [...groups].map(
          ([name, g]) => `${JSON.stringify(name)}: () => import(${JSON.stringify(moduleOf(g.file))})`,
        );
        return `export const loaders = { ${loaders.join(', ')} };\n`;
      }
      if (!id.startsWith(`\0${VIRTUAL}/`)) return;
      const file = `${root}/${id.slice(VIRTUAL.length + 2)}.ts`;
      return `import { addTexts } from ${JSON.stringify(i18n)};\nimport { id } from ${JSON.stringify(file)};\naddTexts(id);\n`;
    },
    transform(code, id) {
      const file = normalizePath(id.split('?')[0]!);
      if (!file.startsWith(`${root}/`) || !/\.tsx?$/.test(file) || /\.test\.tsx?$/.test(file)) return;
      // The texts themselves, and the module that registers them, name no group of their own.
      if (/\/i18n[\w.-]*\.ts$/.test(file)) return;
      const files = new Set([...groupsNamed(code, groups)].map((g) => groups.get(g)!.file));
      if (!files.size) return;
      // Added at the end, so no line of the module moves (its source map stays true); imports are
      // evaluated before the module's code wherever they are written.
      const imports = [...files].map((f) => `import ${JSON.stringify(moduleOf(f))};`).join('\n');
      return { code: `${code}\n${imports}\n`, map: null };
    },
  };
}
