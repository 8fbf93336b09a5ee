import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 15_000,
    // Waits, never sleeps: give polled conditions room on a loaded two-core CI machine.
    expect: { poll: { timeout: 10_000 } },
  },
});
