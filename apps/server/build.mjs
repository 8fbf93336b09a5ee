// Bundles the server for `pnpm start`: workspace packages (shipped as
// TypeScript source) are compiled in; npm dependencies stay external.
import { build } from "esbuild";

await build({
  entryPoints: ["src/main.ts"],
  outfile: "dist/main.js",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  sourcemap: true,
  logLevel: "info",
  plugins: [
    {
      name: "externalize-npm-dependencies",
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, (args) =>
          args.path.startsWith("@lobby/") ? undefined : { path: args.path, external: true },
        );
      },
    },
  ],
});
