import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

/**
 * graphqlDocuments replaces each graphql(`query Name …`) in src/ with the
 * document codegen made for it (NameDocument, NameFragmentDoc in
 * src/gql/graphql.ts), as the client preset's Babel plugin does: the
 * bundle then carries each query once, not also as a key of the lookup
 * table in src/gql/gql.ts. Types are untouched: tsc still checks the
 * graphql() calls against codegen's overloads.
 */
function graphqlDocuments(): Plugin {
  const src = resolve(import.meta.dirname, 'src') + '/';
  const gen = resolve(src, 'gql') + '/';
  return {
    name: 'summitgraph-graphql-documents',
    enforce: 'pre',
    transform(code, id) {
      if (!id.startsWith(src) || id.startsWith(gen) || !id.endsWith('.ts') || !code.includes('graphql(`')) return null;
      const used = new Set<string>();
      const out = code.replace(/\bgraphql\(\s*`([^`]*)`\s*\)/g, (_, body: string) => {
        const m = /\b(query|mutation|subscription|fragment)\s+([A-Za-z_]\w*)/.exec(body);
        if (!m) throw new Error(`${id}: a graphql() document without an operation or fragment name`);
        const name = m[1] === 'fragment' ? `${m[2]}FragmentDoc` : `${m[2]}Document`;
        used.add(name);
        return `__gql_${name}`;
      });
      const imports = [...used].map((n) => `${n} as __gql_${n}`).join(', ');
      return { code: `import { ${imports} } from ${JSON.stringify(gen + 'graphql.ts')};\n${out}`, map: null };
    },
  };
}

// Two pages: the explorer (index.html → /) and GraphiQL (graphiql/index.html
// → /graphiql), sharing dist/assets. The bundle is committed (web/dist) and
// CI checks that a rebuild is identical: keep the output free of
// timestamps and absolute paths.
export default defineConfig({
  base: '/',
  plugins: [graphqlDocuments()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: true,
    // GraphiQL's editor (Monaco) is one big chunk, loaded only by /graphiql.
    chunkSizeWarningLimit: 4000,
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: {
        explorer: resolve(import.meta.dirname, 'index.html'),
        graphiql: resolve(import.meta.dirname, 'graphiql/index.html'),
      },
      // React libraries mark modules "use client"; that means nothing in a bundle.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  worker: { format: 'es' },
  server: {
    // `npm run dev` against a running `summitgraph serve` (default address).
    proxy: {
      '/graphql': process.env.SUMMITGRAPH_URL ?? 'http://127.0.0.1:8080',
    },
  },
});
