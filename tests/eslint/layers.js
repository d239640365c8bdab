// @ts-check
import { dirname, relative, resolve } from 'node:path';

/**
 * Which top-level folders each layer may import from (besides packages). The shared
 * layer (`common/`) is imported by every side and imports nothing of theirs; the
 * renderer and db know only the shared layer; main never reaches into the renderer.
 * Tests may import anything.
 */
export const LAYERS = {
  common: ['common'],
  renderer: ['renderer', 'common'],
  preload: ['preload', 'common'],
  db: ['db', 'common'],
  main: ['main', 'db', 'common'],
  server: ['server', 'common'],
};

/** @param {string} file @param {string} root */
function layerOf(file, root) {
  const top = relative(root, file).split(/[\\/]/)[0] ?? '';
  return Object.hasOwn(LAYERS, top) ? /** @type {keyof typeof LAYERS} */ (top) : null;
}

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports follow the layers: common ← db ← main; common ← renderer, preload, server' },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false }],
    messages: {
      wrongLayer: '{{from}}/ may not import {{to}}/ (allowed: {{allowed}}). Move shared code to common/.',
      outside: '{{from}}/ may not import files outside the project folders.',
    },
  },
  create(context) {
    const root = /** @type {{ root?: string } | undefined} */ (context.options[0])?.root ?? context.cwd;
    const from = layerOf(context.filename, root);
    if (!from) return {};
    /** @param {import('estree').Node} node @param {unknown} source */
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = resolve(dirname(context.filename), source);
      const top = relative(root, target).split(/[\\/]/)[0] ?? '';
      if (top === '..' || top === '') {
        context.report({ node, messageId: 'outside', data: { from } });
        return;
      }
      const allowed = LAYERS[from];
      if (!allowed.includes(top))
        context.report({
          node,
          messageId: 'wrongLayer',
          data: { from, to: top, allowed: allowed.map((l) => `${l}/`).join(', ') },
        });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

export default { rules: { layers: rule } };
