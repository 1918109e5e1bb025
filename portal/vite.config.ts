import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import houdini from 'houdini/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [
    houdini(),
    paraglideVitePlugin({
      project: './project.inlang',
      outdir: './src/lib/paraglide',
      strategy: ['url', 'cookie', 'baseLocale'],
    }),
    sveltekit(),
  ],
  build: {
    rolldownOptions: {
      treeshake: {
        // Houdini's generated barrel and store modules only declare things. Saying so lets the
        // `getCache` import Houdini adds to the root layout take one export, not all 123 stores.
        // (Adding its documents and artifacts saved no bytes and measured a worse TBT.)
        moduleSideEffects: [
          {
            test: /[\\/]\.houdini[\\/](index\.ts|plugins[\\/]houdini-svelte[\\/]stores[\\/])/,
            sideEffects: false,
          },
        ],
      },
    },
  },
});
