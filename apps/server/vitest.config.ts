import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    testTimeout: 15_000,
    // Waits, never sleeps: give polled conditions room on a loaded two-core CI machine.
    expect: { poll: { timeout: 10_000 } },
    projects: [
      {
        extends: true,
        test: { name: "server", include: ["src/**/*.test.ts", "test/**/*.test.ts"], exclude: ["test/cluster/**"] },
      },
      {
        // Each file starts a redis-server and several server processes: one file at a time, so
        // nodes are not starved of CPU into missing their heartbeats on a two-core machine.
        extends: true,
        test: { name: "cluster", include: ["test/cluster/**/*.test.ts"], fileParallelism: false },
      },
    ],
  },
});
