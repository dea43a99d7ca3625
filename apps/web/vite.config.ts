import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 800,
    // The bundle sizes of every build are written to dist/.vite/manifest.json; bench/ reads them.
    manifest: true,
  },
});
