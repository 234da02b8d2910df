/**
 * The playground's build: a static site in dist/playground. The compiled
 * images come along by themselves: jieba-ts/browser, jieba-ts/images/* and
 * jieba-ts-paddle name them with `new URL('….img.gz', import.meta.url)` (the
 * paddle model: `'./paddle.img'`), which Vite copies and rewrites, as it would in any
 * application.
 */
import { defineConfig } from 'vite';

export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  base: './',
  worker: { format: 'es' },
  build: {
    outDir: '../dist/playground',
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: false,
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
