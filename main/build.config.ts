import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { workerBundles } from './build/workers';
import { CONTENT_SECURITY_POLICY, DEV_CONTENT_SECURITY_POLICY } from './security';

const root = resolve(import.meta.dirname, '..');

/** Writes the policy from main/security.ts into index.html, so there is one source. */
function contentSecurityPolicy(): Plugin {
  let policy = CONTENT_SECURITY_POLICY;
  return {
    name: 'koers:csp',
    configResolved(config) {
      if (config.command === 'serve') policy = DEV_CONTENT_SECURITY_POLICY;
    },
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend' },
    ],
  };
}

export default defineConfig({
  main: {
    root,
    // Worker threads (the spreadsheet reader, the backup check) get their own bundles in out/main/workers.
    plugins: [workerBundles(root, resolve(root, 'out/main/workers'))],
    build: {
      outDir: resolve(root, 'out/main'),
      lib: { entry: { index: resolve(root, 'main/index.ts') } },
    },
  },
  preload: {
    root,
    build: {
      outDir: resolve(root, 'out/preload'),
      // A sandboxed preload may require only 'electron': bundle everything else, as CommonJS.
      externalizeDeps: false,
      lib: { entry: resolve(root, 'preload/index.ts'), formats: ['cjs'], fileName: () => 'index.cjs' },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    base: './',
    plugins: [react(), contentSecurityPolicy()],
    build: {
      // electron-vite leaves output unminified; a smaller renderer parses faster at every start.
      minify: true,
      outDir: resolve(root, 'out/renderer'),
      rolldownOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
});
