// The layer rule: what each folder of renderer/ may import, resolved by path (so `import
// 'react'`, `import()`, `export … from` and `../../` tricks are all seen), and a failure for a
// folder of renderer/ the configuration does not name. The map itself lives in
// eslint.config.js; docs/ARCHITECTURE.md explains it.
import path from 'node:path';

const ASSET = /\.(css|svg|png|woff2?)$/;

/** `@scope/name/deep` -> `@scope/name`; `name/deep` -> `name`. */
function packageName(spec) {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function allowedPackage(name, list) {
  return list.some((p) => (p.endsWith('/*') ? name.startsWith(p.slice(0, -1)) : p === name));
}

/** The layer of a path: renderer/<folder>/… -> folder; renderer/<file> -> 'entry'; <top>/… -> <top>. */
export function layerOf(root, file) {
  const rel = path.relative(root, file).split(path.sep);
  if (rel[0] === '..') return null;
  if (rel[0] !== 'renderer') return { layer: rel[0], rel };
  return { layer: rel.length === 2 ? 'entry' : rel[1], rel };
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Each layer of renderer/ imports only the layers and packages it is allowed.' },
    schema: [{ type: 'object', additionalProperties: true }],
    messages: {
      unknownFolder: 'renderer/{{folder}} is not a layer eslint.config.js knows: add it to LAYERS with what it may import.',
      layer: '{{from}} may not import {{to}} ("{{spec}}"): {{from}} imports only {{allowed}}.',
      package: '{{from}} may not import the package "{{name}}": allowed are {{allowed}}.',
      builtin: 'renderer/ runs in a browser: "{{spec}}" is a Node built-in.',
      asset: '{{from}} may not import a stylesheet or image ("{{spec}}").',
      feature: '"{{spec}}" reaches inside core/{{feature}}: import its entry file (core/{{feature}}) instead.',
    },
  },
  create(context) {
    const { root, layers, features = [] } = context.options[0];
    const file = context.filename;
    const me = layerOf(root, file);
    if (!me || me.rel[0] !== 'renderer') return {};
    const config = layers[me.layer];

    function check(node, spec) {
      if (typeof spec !== 'string' || !config) return;
      const from = `renderer/${me.layer}`;
      if (spec.startsWith('.')) {
        const target = path.resolve(path.dirname(file), spec);
        if (ASSET.test(spec)) {
          if (!config.assets) context.report({ node, messageId: 'asset', data: { from, spec } });
          return;
        }
        const to = layerOf(root, target);
        const toName = to ? (to.rel[0] === 'renderer' ? to.layer : `${to.rel[0]}/`) : spec;
        const key = to && to.rel[0] !== 'renderer' ? `${to.rel[0]}/` : to?.layer;
        if (!key || (key !== me.layer && !config.layers.includes(key))) {
          context.report({ node, messageId: 'layer', data: { from, to: toName, spec, allowed: [me.layer, ...config.layers].join(', ') } });
          return;
        }
        // Feature folders are entered through their entry file only (core/quotes, not core/quotes/find).
        if (to.rel[0] === 'renderer' && features.includes(to.layer) && to.rel.length > 4) {
          const feature = to.rel[2];
          const inside = me.layer === to.layer && me.rel[2] === feature;
          if (!inside) context.report({ node, messageId: 'feature', data: { spec, feature } });
        }
        return;
      }
      if (spec.startsWith('node:')) return context.report({ node, messageId: 'builtin', data: { spec } });
      const name = packageName(spec);
      if (!allowedPackage(name, config.packages)) {
        context.report({
          node,
          messageId: 'package',
          data: { from, name, allowed: config.packages.length ? config.packages.join(', ') : 'none' },
        });
      }
    }

    return {
      Program(node) {
        if (!config) context.report({ node, messageId: 'unknownFolder', data: { folder: me.layer } });
      },
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal')
          check(node, node.arguments[0].value);
      },
      // `new URL('./worker.ts', import.meta.url)` loads a module too.
      NewExpression: (node) => {
        const [first, second] = node.arguments;
        if (
          node.callee.type === 'Identifier' &&
          node.callee.name === 'URL' &&
          first?.type === 'Literal' &&
          second?.type === 'MemberExpression' &&
          second.object.type === 'MetaProperty'
        )
          check(node, first.value);
      },
    };
  },
};

export default { rules: { imports: rule } };
