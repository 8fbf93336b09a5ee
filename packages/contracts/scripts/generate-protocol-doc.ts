import { writeFileSync } from "node:fs";
import { renderProtocolDoc } from "./protocol-doc";

const target = new URL("../../../docs/protocol.md", import.meta.url);
writeFileSync(target, renderProtocolDoc());
console.info(`wrote ${target.pathname}`);
