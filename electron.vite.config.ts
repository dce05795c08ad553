import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import { withDevelopmentPolicy } from './electron/shell/csp';

const root = import.meta.dirname;

// Everything is bundled: the packaged app ships no node_modules, and the sandboxed preload cannot require any.
export default defineConfig({
  main: {
    build: {
      externalizeDeps: false,
      // The format 3 backup worker (container-reader.ts) and the text worker (text-reader.ts) are
      // files of their own, each started as a worker thread.
      rollupOptions: {
        input: {
          main: resolve(root, 'electron/main.ts'),
          'container-worker': resolve(root, 'electron/core/backup/container-worker.ts'),
          'text-worker': resolve(root, 'electron/core/files/text-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      externalizeDeps: false,
      rollupOptions: {
        input: { preload: resolve(root, 'electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    build: {
      rollupOptions: { input: { index: resolve(root, 'renderer/index.html') } },
    },
    // Only the dev server (apply: 'serve') loosens the page's policy, for Vite's injected styles.
    plugins: [vue(), { name: 'rapport-dev-csp', apply: 'serve', transformIndexHtml: withDevelopmentPolicy }],
  },
});
