import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['test/**/*.test.ts'],
    // Installs chromium and tmux when missing and possible (test/setup/system.ts).
    globalSetup: ['test/setup/system-packages.ts'],
    // End-to-end tests start whole processes (and a browser); give them room on a 2-core machine.
    testTimeout: 30_000,
    // Most tests wait on a child process: two files at a time keep both cores busy (vitest gives
    // a 2-core machine one worker by default).
    maxWorkers: 2,
    hookTimeout: 60_000,
  },
});
