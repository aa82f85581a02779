/// <reference types="vitest/config" />
import { defineConfig } from 'vite';

// No @vitejs/plugin-react: esbuild's automatic JSX runtime is all React needs here.
// The built client must satisfy the api's CSP (script-src 'self', style-src 'self'):
// Vite emits external, hashed .js and .css files and no inline code; modulepreload's inline
// polyfill is turned off for that reason.
export default defineConfig({
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
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
