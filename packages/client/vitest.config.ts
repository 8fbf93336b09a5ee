import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Real servers and websockets: wait on events, and give them room on a loaded two-core machine.
    testTimeout: 15_000,
    expect: { poll: { timeout: 10_000 } },
  },
});
