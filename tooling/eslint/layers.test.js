import { ESLint } from "eslint";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import * as layers from "./layers.js";

/*
 * The layer rules catch what they exist for: each deliberate violation below
 * must be reported, and the allowed imports beside it must not be.
 */

const root = fileURLToPath(new URL("../../", import.meta.url));

/** How many layer violations `code` has as the file `path` (repository-relative) of the package it is in. */
async function violations(layer, path, code) {
  // Each package lints from its own folder, where the layer's globs (src/…) are rooted.
  const [, pkg] = /^((?:apps|packages|games|tooling)\/[^/]+)\//.exec(path) ?? [];
  const eslint = new ESLint({ cwd: `${root}${pkg}`, overrideConfigFile: true, overrideConfig: layer });
  const [result] = await eslint.lintText(code, { filePath: `${root}${path}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports").length;
}

describe("layer rules", () => {
  it.each([
    [
      "contracts importing the SDK",
      layers.contracts,
      "packages/contracts/src/x.ts",
      'import { LobbyClient } from "@lobby/client";',
    ],
    [
      "contracts importing an app",
      layers.contracts,
      "packages/contracts/src/x.ts",
      'import { games } from "../../../apps/server/src/games/registry";',
    ],
    [
      "the SDK importing the server",
      layers.client,
      "packages/client/src/x.ts",
      'import { createLobbyServer } from "@lobby/server";',
    ],
    [
      "a game importing the contracts",
      layers.games,
      "games/trails/src/x.ts",
      'import { ErrorCode } from "@lobby/contracts";',
    ],
    ["a game importing socket.io", layers.games, "games/trails/src/x.ts", 'import { Server } from "socket.io";'],
    [
      "a game importing the registry (which lists it)",
      layers.games,
      "games/trails-teams/src/x.ts",
      'import { GAMES } from "@lobby/games";',
    ],
    ["the web importing the server", layers.web, "apps/web/src/x.ts", 'import { Lobby } from "@lobby/server";'],
    [
      "the lobby core importing socket.io",
      layers.server,
      "apps/server/src/lobby/x.ts",
      'import { Server } from "socket.io";',
    ],
    [
      "the lobby core importing the transport",
      layers.server,
      "apps/server/src/lobby/x.ts",
      'import { handshake } from "../transport/handshake";',
    ],
    [
      "the lobby core importing redis",
      layers.server,
      "apps/server/src/lobby/x.ts",
      'import { createClient } from "redis";',
    ],
    [
      "the lobby core importing a store implementation",
      layers.server,
      "apps/server/src/lobby/x.ts",
      'import { MemoryStore } from "../store/memory-store";',
    ],
    [
      "the transport importing a store implementation",
      layers.server,
      "apps/server/src/transport/x.ts",
      'import { RedisStore } from "../store/redis-store";',
    ],
  ])("reports %s", async (_, layer, filePath, code) => {
    expect(await violations(layer, filePath, code)).toBe(1);
  });

  it.each([
    [
      "a game importing the game kit",
      layers.games,
      "games/trails/src/x.ts",
      'import { defineGame } from "@lobby/game-kit";',
    ],
    [
      "a game built on another game (a mode of it)",
      layers.games,
      "games/trails-teams/src/x.ts",
      'import { trailsRules } from "@lobby/game-trails";',
    ],
    [
      "the lobby core importing its store interface",
      layers.server,
      "apps/server/src/lobby/x.ts",
      'import { LobbyStore } from "./store";',
    ],
    [
      "the composition root picking a store",
      layers.server,
      "apps/server/src/main.ts",
      'import { MemoryStore } from "./store/memory-store";',
    ],
    [
      "a core test using the memory store",
      layers.server,
      "apps/server/src/lobby/x.test.ts",
      'import { MemoryStore } from "../store/memory-store";',
    ],
    [
      "the web importing the SDK",
      layers.web,
      "apps/web/src/x.ts",
      'import { createLobbyClient } from "@lobby/client";',
    ],
  ])("allows %s", async (_, layer, filePath, code) => {
    expect(await violations(layer, filePath, code)).toBe(0);
  });
});
