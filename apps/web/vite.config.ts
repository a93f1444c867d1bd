import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Where the API server listens in development (`npm run dev -w @nano/server`). */
const API_ORIGIN = 'http://127.0.0.1:3000';

/** Libraries that change rarely get their own long-cached chunks, apart from the app's code. */
const VENDOR_CHUNKS: Array<[chunk: string, pattern: RegExp]> = [
  // Only lazy routes draw charts (creator dashboard, platform analytics, transparency report), so recharts and d3 load with them alone.
  [
    'charts',
    /[\\/]node_modules[\\/](@mantine[\\/]charts|recharts|recharts-scale|react-smooth|d3-[a-z-]+|victory-vendor|internmap|decimal\.js-light|lodash|eventemitter3|fast-equals|tiny-invariant)[\\/]/,
  ],
  ['react', /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/],
  ['mantine', /[\\/]node_modules[\\/]@mantine[\\/]/],
  // Only the viewer loads pdf.js (dynamic import), so it stays out of the first page load.
  ['pdfjs', /[\\/]node_modules[\\/]pdfjs-dist[\\/]/],
];

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': { target: API_ORIGIN, ws: true },
      '/health': API_ORIGIN,
      '/metrics': API_ORIGIN,
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    rollupOptions: {
      output: {
        manualChunks: (id) => {
          if (!id.includes('node_modules')) {
            return undefined;
          }
          return VENDOR_CHUNKS.find(([, pattern]) => pattern.test(id))?.[0] ?? 'vendor';
        },
      },
      onwarn: (warning, warn) => {
        // zod ships explanatory comments next to its @__PURE__ marks; Rollup drops them harmlessly.
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('node_modules')) {
          return;
        }
        warn(warning);
      },
    },
  },
});
