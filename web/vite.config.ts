import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// Two pages: the explorer (index.html → /) and GraphiQL (graphiql/index.html
// → /graphiql), sharing dist/assets. The bundle is committed (web/dist) and
// CI checks that a rebuild is identical: keep the output free of
// timestamps and absolute paths.
export default defineConfig({
  base: '/',
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
