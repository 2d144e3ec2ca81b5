import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { firstLoad } from './build/first-load.plugin.ts';
// eslint-disable-next-line @nx/enforce-module-boundaries -- build configuration shared with vitest, not a library.
import { workspaceAliases } from '../../tools/vitest/aliases.ts';

const root = fileURLToPath(new URL('.', import.meta.url));
// The design system's stylesheet, imported once by main.tsx as '@dd/ui/styles.css'.
const uiStyles = { find: /^@dd\/ui\/styles\.css$/, replacement: fileURLToPath(new URL('../../libs/ui/src/styles.css', import.meta.url)) };
// In development the API runs separately; the portal's dev server forwards its paths to it.
const api = { target: 'http://127.0.0.1:3000', changeOrigin: false };

export default defineConfig({
  root,
  plugins: [react(), firstLoad()],
  resolve: { alias: [uiStyles, ...workspaceAliases()] },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // No source maps in the build: the API serves this folder to everyone, and a map would publish
    // the portal's sources. The dev server still maps, in memory.
    sourcemap: false,
    // The first-load plugin compresses every file anyway and reports the sizes that matter.
    reportCompressedSize: false,
    rolldownOptions: {
      // The workspace libraries have no package.json to say so: their modules only declare
      // (components, zod schemas, codes), so a page that is not loaded does not pull its schemas and
      // components into the first chunk through the libraries' index files. Stylesheets keep theirs.
      treeshake: { moduleSideEffects: (id: string) => !/[\\/]libs[\\/](ui|contract|errors)[\\/]src[\\/].*\.tsx?$/.test(id) },
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases.
        // Only what every page needs is grouped; a library one area uses (IBAN checks, say) stays
        // with that area's chunk instead of riding along on the first load.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
            { name: 'vendor', test: /node_modules[\\/](@tanstack|@trpc|i18next|react-i18next|use-sync-external-store)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    // `/api` serves file downloads (the export ZIP), which tRPC does not.
    proxy: { '/trpc': api, '/api': api, '/healthz': api },
  },
  preview: {
    port: 4173,
    proxy: { '/trpc': api, '/api': api, '/healthz': api },
  },
});
