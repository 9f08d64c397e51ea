import { defineConfig } from 'vite';

// The bundle is committed (web/dist) and CI checks that a rebuild is
// identical: keep the output free of timestamps and absolute paths.
export default defineConfig({
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: true,
    chunkSizeWarningLimit: 600,
    modulePreload: { polyfill: false },
  },
  server: {
    // `npm run dev` against a running `summitgraph serve` (default address).
    proxy: {
      '/graphql': process.env.SUMMITGRAPH_URL ?? 'http://127.0.0.1:8080',
    },
  },
});
