/// <reference types="vitest/config" />
import { existsSync, readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';

// codegen's trusted-document manifest (src/gql/persisted-documents.json), emitted as
// dist/persisted-documents.json: the api reads it at start-up and trusts those hashes.
const persistedDocuments: Plugin = {
  name: 'persisted-documents',
  apply: 'build',
  generateBundle() {
    const manifest = new URL('src/gql/persisted-documents.json', import.meta.url);
    if (existsSync(manifest)) {
      this.emitFile({ type: 'asset', fileName: 'persisted-documents.json', source: readFileSync(manifest, 'utf8') });
    }
  },
};

// No @vitejs/plugin-react: esbuild's automatic JSX runtime is all React needs here.
// The built client must satisfy the api's CSP (script-src 'self', style-src 'self'):
// Vite emits external, hashed .js and .css files and no inline code; modulepreload's inline
// polyfill is turned off for that reason.
export default defineConfig({
  esbuild: { jsx: 'automatic' },
  plugins: [persistedDocuments],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    // GraphiQL's Monaco editor is one 2.8 MB chunk (loaded only by /graphql's page): warn above that.
    chunkSizeWarningLimit: 3000,
    // Two pages: the app (index.html) and GraphiQL (graphiql.html), which the api serves at
    // /graphql to browsers. They share the hashed assets folder.
    rollupOptions: {
      input: { main: 'index.html', graphiql: 'graphiql.html' },
      onwarn(warning, warn) {
        // GraphiQL's React libraries mark modules "use client" for server-component bundlers;
        // a client-only bundle has nothing to do with it, and Rollup says so once per file.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  // Monaco's workers (GraphiQL's editors) as ES modules: the page splits code, which IIFE cannot.
  worker: { format: 'es' },
  server: {
    // `npm run dev` proxies the api (started with `dotnet run --project api`).
    proxy: {
      '/api': 'http://localhost:5000',
      '/graphql': { target: 'http://localhost:5000', ws: true },
      '/health': 'http://localhost:5000',
    },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test-setup.ts'],
  },
});
