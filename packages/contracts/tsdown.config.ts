import { defineConfig } from "tsdown";

export default defineConfig({
  entry: ["src/index.ts"],
  format: "esm",
  platform: "neutral",
  target: "es2022",
  // The game registry and the game kit ship as TypeScript inside the workspace: their code and types are
  // compiled into this package, code and declarations, so it depends on nothing of the workspace once published.
  deps: { alwaysBundle: [/^@lobby\//] },
  dts: true,
});
