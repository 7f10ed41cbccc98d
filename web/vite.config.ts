/**
 * The web app's build. `--mode krom-local` (npm start, npm run dev:web) includes the local sign-in page;
 * any other mode (npm run synth, the deployed app) signs in with Cognito and carries no trace of it.
 */
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [preact()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The service worker reads it to keep every file of this build for offline use.
    manifest: true,
    target: 'es2020',
    assetsInlineLimit: 0,
  },
  server: {
    port: 5173,
    // Hot reload for those working on the app; the API is npm start's.
    proxy: { '/graphql': 'http://localhost:4000', '/local': 'http://localhost:4000' },
  },
});
