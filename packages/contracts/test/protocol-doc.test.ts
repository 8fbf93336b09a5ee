import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderProtocolDoc } from "../scripts/protocol-doc";
import { clientEvents, errorCodes, serverEvents } from "../src";

describe("docs/protocol.md", () => {
  const doc = renderProtocolDoc();

  it("lists every event and every error code", () => {
    for (const name of [...Object.keys(clientEvents), ...Object.keys(serverEvents)]) {
      expect(doc).toContain(`### \`${name}\``);
    }
    for (const code of errorCodes) expect(doc).toContain(`| \`${code}\` |`);
  });

  it("is current with the schemas (regenerate with `pnpm --filter @lobby/contracts docs`)", () => {
    const committed = readFileSync(new URL("../../../docs/protocol.md", import.meta.url), "utf8");
    expect(committed).toBe(doc);
  });
});
