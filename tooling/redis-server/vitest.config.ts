import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // These tests start real processes; give them room on a loaded two-core CI machine.
    testTimeout: 15_000,
    hookTimeout: 15_000,
  },
});
