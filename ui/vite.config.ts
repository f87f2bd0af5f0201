import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Built by Maven (ui/pom.xml) into the jar's io/cairn/ui/, which the platform serves at /ui/.
// `npm run dev` proxies the API to a Cairn started with `bin/cairn demo` (CAIRN_URL overrides).
export default defineConfig({
  base: '/ui/',
  plugins: [react()],
  build: {
    outDir: process.env.CAIRN_UI_OUT ?? 'target/classes/io/cairn/ui',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: { '/api': process.env.CAIRN_URL ?? 'http://localhost:8080' },
  },
});
