import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Lives at the repository root, not in renderer/: it runs in Node, and renderer/ holds only
// code that runs in the page.
const here = dirname(fileURLToPath(import.meta.url));
const renderer = resolve(here, 'renderer');

// In `npm run dev:renderer` the API lives on a separately started host; point YZ_HOST at it.
const devHost = process.env['YZ_HOST'] ?? 'http://127.0.0.1:5150';

export default defineConfig({
  root: renderer,
  base: '/',
  plugins: [react()],
  resolve: { alias: [{ find: /^@domain\//, replacement: `${resolve(here, 'electron/domain')}/` }] },
  build: {
    outDir: resolve(here, 'out/renderer'),
    emptyOutDir: true,
    target: 'es2022',
    // The host serves a strict CSP; keep maps out of the shipped bundle.
    sourcemap: false,
  },
  server: {
    proxy: {
      '/api': { target: devHost, ws: true, changeOrigin: true },
    },
  },
});
