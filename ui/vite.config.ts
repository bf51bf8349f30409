import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

// The app loads ui/dist through Tauri's asset protocol: relative paths, everything bundled,
// nothing fetched from the network at runtime.
export default defineConfig({
  plugins: [vue()],
  base: './',
  clearScreen: false,
  build: {
    target: 'safari16',
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  test: {
    environment: 'happy-dom',
    include: ['tests/**/*.test.ts'],
  },
})
