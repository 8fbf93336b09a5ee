// Bundles the server for `pnpm start`: workspace packages (shipped as
// TypeScript source) are compiled in; npm dependencies stay external. The
// build is the production server: `process.env.NODE_ENV` reads "production"
// in its code (development checks such as FREEZE_RECORDS default off).
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
  define: { "process.env.NODE_ENV": '"production"' },
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
