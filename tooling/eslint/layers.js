// The architecture's layer rules, checked by lint so they cannot drift quietly. Each workspace
// package spreads the layer it belongs to into its eslint.config.js. Imports are matched as
// written (package names and relative paths), so a rule names both forms where both exist.

/** `no-restricted-imports` over `files` (minus `ignores`), for import strings matching a regex. */
function forbid(files, forbidden, ignores = []) {
  return {
    files,
    ignores,
    rules: {
      "no-restricted-imports": ["error", { patterns: forbidden.map(([regex, message]) => ({ regex, message })) }],
    },
  };
}

const APPS = ["^@lobby/(server|web|bench)(/|$)", "Apps sit above this layer: nothing here may import one."];
const APP_PATHS = ["(^|/)apps/", "Apps sit above this layer: nothing here may import one."];
const SDK = ["^@lobby/client(/|$)", "The SDK sits above this layer."];
const SOCKETS = ["^(socket\\.io|socket\\.io-client|@socket\\.io/.*)$", "Sockets belong to the transport and the SDK."];
const REDIS = ["^(redis|@redis/.*)$", "Redis belongs to the store implementations."];
const LOBBY = [
  "^@lobby/(contracts|client|games)(/|$)",
  "A game depends on the game kit (and zod) only, not on the lobby.",
];

/** packages/contracts: the wire's types. Nothing of the apps or the SDK. */
export const contracts = [forbid(["**/*.ts"], [APPS, APP_PATHS, SDK, SOCKETS, REDIS])];

/** packages/client: the SDK, unchanged in browsers and Node. No app, no server library, no React, nothing Node-only. */
export const client = [
  forbid(
    ["src/**/*.ts"],
    [
      APPS,
      APP_PATHS,
      REDIS,
      ["^socket\\.io$", "The SDK speaks through socket.io-client, never the server library."],
      ["^(react|react-dom)(/|$)", "The SDK is headless: the web app brings React."],
      ["^node:", "The SDK runs in browsers too: nothing Node-only."],
    ],
  ),
];

/** packages/game-kit and games/*: pure games. Nothing of the lobby, sockets or Redis. */
export const games = [forbid(["src/**/*.ts", "src/**/*.tsx"], [LOBBY, APPS, APP_PATHS, SDK, SOCKETS, REDIS])];

/** apps/web: the browser app. It talks to the server only through the SDK. */
export const web = [
  forbid(
    ["src/**/*.ts", "src/**/*.tsx"],
    [
      ["^@lobby/(server|bench)(/|$)", "The web app reaches the server only through the SDK and the contracts."],
      ["(^|/)server/", "The web app reaches the server only through the SDK and the contracts."],
      ["^socket\\.io$", "The web app reaches the server only through the SDK."],
      REDIS,
    ],
  ),
];

const TRANSPORT = ["(^|/)transport/", "The lobby core knows nothing of the transport."];
const STORE_IMPLEMENTATIONS = [
  "(^|/)store/(memory-store|redis-store|redis-tx|redis-node-registry)$",
  "Store implementations are reached through the LobbyStore interface; only the composition root picks one.",
];

const CORE = ["src/lobby/**/*.ts", "src/games/**/*.ts", "src/core/**/*.ts"];
const TESTS = ["src/**/*.test.ts"];
const COMPOSITION_ROOT = ["src/main.ts", "src/app.ts", "src/index.ts", "src/cluster/**", "src/store/**"];

/**
 * apps/server: a socket-free core, and stores behind their interface. (One entry per file set:
 * a later entry's `no-restricted-imports` would replace an earlier one's for the files both match.)
 */
export const server = [
  forbid(CORE, [SOCKETS, REDIS, TRANSPORT, STORE_IMPLEMENTATIONS], TESTS),
  forbid(["src/**/*.ts"], [STORE_IMPLEMENTATIONS], [...TESTS, ...COMPOSITION_ROOT, ...CORE]),
];
