/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `npm run dev` proxies the API to a running control plane (TRIBUTARY_API, default :8080).
const api = process.env.TRIBUTARY_API ?? 'http://localhost:8080';

export default defineConfig({
  plugins: [react()],
  base: '/',
  server: {
    proxy: {
      '/api': api,
      '/actuator': api,
    },
  },
  build: {
    outDir: 'dist',
    sourcemap: false,
    chunkSizeWarningLimit: 600,
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    // pure logic runs in node; component tests say `// @vitest-environment jsdom` at their top
    environment: 'node',
    setupFiles: ['src/test/setup.ts'],
    // a wizard test types a whole order; on a loaded 2-core machine that can take longer than 5 s
    testTimeout: 30000,
  },
});
