import { z } from "zod";
import { clientEvents, errorCodeDocs, LOBBY_NAMESPACE, serverEvents } from "../src";

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  additionalProperties?: unknown;
  propertyNames?: JsonSchema;
};

/** A compact, TypeScript-like rendering of a JSON schema. */
function render(schema: JsonSchema, indent = ""): string {
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return union.map((s) => render(s, indent)).join(" | ");
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(" | ");
  const type = Array.isArray(schema.type) ? schema.type.join(" | ") : schema.type;
  switch (type) {
    case "object": {
      if (schema.propertyNames && schema.additionalProperties) {
        return `Record<${render(schema.propertyNames)}, ${render(schema.additionalProperties)}>`;
      }
      const props = Object.entries(schema.properties ?? {});
      if (props.length === 0) return "{}";
      const inner = indent + "  ";
      const lines = props.map(([key, value]) => {
        const optional = schema.required?.includes(key) ? "" : "?";
        return `${inner}${key}${optional}: ${render(value, inner)};`;
      });
      return `{\n${lines.join("\n")}\n${indent}}`;
    }
    case "array": {
      const item = schema.items ? render(schema.items, indent) : "unknown";
      const size =
        schema.minItems !== undefined && schema.minItems === schema.maxItems ? ` /* ${schema.minItems} items */` : "";
      return `Array<${item}>${size}`;
    }
    case "integer":
    case "number": {
      // zod's int() carries the safe-integer bounds; they say nothing to a reader.
      const min = schema.minimum !== undefined && schema.minimum > Number.MIN_SAFE_INTEGER ? schema.minimum : undefined;
      const max = schema.maximum !== undefined && schema.maximum < Number.MAX_SAFE_INTEGER ? schema.maximum : undefined;
      const range = min !== undefined || max !== undefined ? ` /* ${min ?? "…"}..${max ?? "…"} */` : "";
      return `${type}${range}`;
    }
    case "string": {
      const length =
        schema.minLength !== undefined || schema.maxLength !== undefined
          ? ` /* length ${schema.minLength ?? 0}..${schema.maxLength ?? "…"} */`
          : "";
      return `string${length}`;
    }
    default:
      return type ?? "unknown";
  }
}

function typeOf(schema: z.ZodType, io: "input" | "output"): string {
  return render(z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema);
}

/** The protocol document, generated from the contract schemas. */
export function renderProtocolDoc(): string {
  const out: string[] = [];
  out.push(
    "<!-- Generated from packages/contracts by `pnpm --filter @lobby/contracts docs`. Do not edit by hand. -->",
    "",
    "# The /lobby protocol",
    "",
    `Clients connect to the Socket.IO namespace \`${LOBBY_NAMESPACE}\` over the websocket transport.`,
    "",
    "## Handshake",
    "",
    "The client sends `auth: { name }`. The name is trimmed and must be 1–24 characters with no control characters.",
    "The server assigns the player id; clients never choose ids. A refused handshake arrives as `connect_error`",
    "with `data: { code: \"INVALID_NAME\", message }`. An accepted one is followed by `session:ready` and `lobby:stats`.",
    "",
    "## Acknowledgements",
    "",
    "Every client event takes exactly one payload and an ack callback. The server parses the payload with the",
    "event's schema (unknown fields are refused) and always answers with exactly one of:",
    "",
    "```ts",
    "{ ok: true, data: Result }",
    "{ ok: false, error: { code: ErrorCode, message: string } }",
    "```",
    "",
    "An event sent without an ack callback is dropped and logged. An unknown event with an ack gets `UNKNOWN_EVENT`.",
    "",
    "## Client → server events",
    "",
  );
  for (const [name, contract] of Object.entries(clientEvents)) {
    out.push(
      `### \`${name}\``,
      "",
      contract.summary,
      "",
      `**Who may send it:** ${contract.sender}`,
      "",
      "Payload:",
      "",
      "```ts",
      typeOf(contract.payload, "input"),
      "```",
      "",
      "Ack data on success:",
      "",
      "```ts",
      typeOf(contract.result, "output"),
      "```",
      "",
    );
  }
  out.push("## Server → client events", "");
  for (const [name, contract] of Object.entries(serverEvents)) {
    out.push(`### \`${name}\``, "", contract.summary, "", "```ts", typeOf(contract.payload, "output"), "```", "");
  }
  out.push("## Error codes", "", "| code | meaning |", "| --- | --- |");
  for (const [code, meaning] of Object.entries(errorCodeDocs)) out.push(`| \`${code}\` | ${meaning} |`);
  out.push(
    "",
    "The SDK (`@lobby/client`) adds two codes of its own that never come from the server:",
    "`TIMEOUT` (no ack in time) and `NOT_CONNECTED` (the request was not sent because the socket is down).",
    "",
  );
  return out.join("\n");
}
