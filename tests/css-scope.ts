import postcss from 'postcss';

/**
 * The renderer's CSS rule: stylesheets are global once loaded, so a feature's stylesheet may only
 * style elements that carry one of its own classes. Shared vocabulary (`.panel`, `.badge`, `.hint`)
 * lives in renderer/src/styles.css and renderer/src/ui/*.css; a feature folder's stylesheet
 *  1. scopes every selector: its first part names a class of the feature, not shared vocabulary;
 *  2. owns its classes alone: no other feature folder styles them;
 *  3. is imported only by modules in its folder;
 *  4. and its classes are set (className) only by modules in its folder.
 */
export interface SourceFile {
  /** Relative to renderer/src, with forward slashes. */
  path: string;
  text: string;
}

const folderOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');
const isShared = (path: string) => !path.includes('/') || path.startsWith('ui/');

/** The selector's first compound (before any combinator), where the scope must be named. */
function firstCompound(selector: string): string {
  let depth = 0;
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (depth === 0 && (c === ' ' || c === '>' || c === '+' || c === '~')) return selector.slice(0, i);
  }
  return selector;
}

const classesIn = (compound: string) => [...compound.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].map((m) => m[1] ?? '');

function selectorsOf(css: string, from: string): string[] {
  const selectors: string[] = [];
  postcss.parse(css, { from }).walkRules((rule) => {
    // Keyframe steps (from, to, 40%) are not selectors.
    if (rule.parent?.type === 'atrule' && /keyframes$/.test((rule.parent as postcss.AtRule).name)) return;
    selectors.push(...rule.selectors.map((s) => s.trim()));
  });
  return selectors;
}

/** The class names a module sets in className attributes (string and template literal parts). */
export function classNamesSetIn(source: string): Set<string> {
  const names = new Set<string>();
  for (const match of source.matchAll(/className=/g)) {
    let i = (match.index ?? 0) + 'className='.length;
    let value: string;
    if (source[i] === '"' || source[i] === "'") {
      const end = source.indexOf(source[i] ?? '"', i + 1);
      value = source.slice(i, end + 1);
    } else {
      let depth = 0;
      const start = i;
      for (; i < source.length; i++) {
        if (source[i] === '{') depth++;
        else if (source[i] === '}' && --depth === 0) break;
      }
      value = source.slice(start, i + 1);
    }
    for (const literal of value.matchAll(/(["'`])((?:(?!\1).)*)\1/g))
      for (const token of (literal[2] ?? '').replace(/\$\{[^}]*\}/g, ' ').split(/\s+/)) if (token) names.add(token);
  }
  return names;
}

export function cssScopeProblems(stylesheets: readonly SourceFile[], modules: readonly SourceFile[]): string[] {
  const problems: string[] = [];
  const shared = new Set<string>();
  for (const sheet of stylesheets.filter((s) => isShared(s.path)))
    for (const selector of selectorsOf(sheet.text, sheet.path))
      for (const name of classesIn(firstCompound(selector))) shared.add(name);

  const owner = new Map<string, string>(); // feature class → folder
  for (const sheet of stylesheets.filter((s) => !isShared(s.path))) {
    const folder = folderOf(sheet.path);
    for (const selector of selectorsOf(sheet.text, sheet.path)) {
      const own = classesIn(firstCompound(selector)).filter((name) => !shared.has(name));
      if (own.length === 0) problems.push(`${sheet.path}: "${selector}" is not scoped to a class of ${folder}/`);
      for (const name of own) {
        const other = owner.get(name);
        if (other && other !== folder) problems.push(`${sheet.path}: .${name} is styled by ${other}/ too`);
        else owner.set(name, folder);
      }
    }
    const fileName = sheet.path.slice(folder.length + 1);
    for (const module of modules)
      if (folderOf(module.path) !== folder && new RegExp(`import '[./]*${folder}/${fileName}'`).test(module.text))
        problems.push(`${module.path}: imports ${sheet.path}, which belongs to ${folder}/`);
  }

  for (const module of modules)
    for (const name of classNamesSetIn(module.text)) {
      const folder = owner.get(name);
      if (folder !== undefined && folderOf(module.path) !== folder)
        problems.push(`${module.path}: sets .${name}, a class of ${folder}/`);
    }
  return problems;
}
