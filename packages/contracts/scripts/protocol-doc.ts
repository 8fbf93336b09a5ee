import { z } from "zod";
import {
  ADMIN_NAMESPACE,
  adminClientEvents,
  adminServerEvents,
  clientEvents,
  errorCodeDocs,
  LOBBY_NAMESPACE,
  serverEvents,
} from "../src";

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
    "The client sends `auth: { name, token?, identity?, rejoin? }`. The server assigns the player id; clients never choose ids. A refused",
    "handshake arrives as `connect_error` with `data: { code, message }` (the handshake codes below); an accepted one",
    "is followed by `session:ready`. Only `/lobby` accepts connections: the root namespace `/` refuses every one",
    "(`UNKNOWN_NAMESPACE`).",
    "",
    "- **Names** are normalized to Unicode NFC and trimmed, and must be 1–24 UTF-16 units with at least one visible",
    "  character, no control characters, no lone surrogates and no stack of more than three combining marks",
    "  (`INVALID_NAME`). Names are plain text, echoed to everyone as they were accepted: clients must render them as",
    "  text, never as markup (the web app renders them through React).",
    "- **Session tokens** come in `session:ready` and resume the session (same id, queue place, seat or watch) when",
    "  sent back as `auth.token`. A token expires (`SESSION_TOKEN_TTL_MS`, a day by default) and is replaced at every",
    "  connection: the newest and the one before it resume the session, older ones do not. A token resumes nothing",
    "  once its session has ended (a session that holds no queue place, seat or watch ends with its connection; one",
    "  that does, when its grace period runs out). A token that is genuine but expired, outgrown or of an ended",
    "  session starts a new session (`resumed: false`); one that is not shaped like a token is refused",
    "  (`INVALID_TOKEN`). A resumed session keeps its name: the `name` sent with a token is used only for a new one.",
    "- **Identity tokens** name the device (a browser profile) across sessions: `session:ready` carries a new one every",
    "  time, to keep where it outlives the tab and send back as `auth.identity`. Like session tokens they rotate (the",
    "  newest and the one before stand) and expire unless used (`IDENTITY_TTL_MS`, 180 days by default); an identity",
    "  can be revoked. One that is malformed, forged, expired, revoked or outgrown is ignored: the session gets a new",
    "  identity. When another session of the identity is away holding a seat or a queue place (a closed tab),",
    "  `session:ready` offers it as `rejoin`; connecting again with `auth.rejoin: true` (and no session token) takes",
    "  that session over — same id, seat and game — while the offer stands, and starts a new session otherwise.",
    "- **Per address** (the client address, or with `TRUST_PROXY` the one the balancer saw): at most",
    "  `MAX_CONNECTIONS_PER_ADDRESS` open connections per node (`TOO_MANY_CONNECTIONS`; a refused handshake never",
    "  holds one), and at most `NEW_SESSIONS_PER_MINUTE` new sessions a minute across the cluster",
    "  (`TOO_MANY_SESSIONS`; resuming is never counted).",
    "",
    "## Who may see a room",
    "",
    "- A **public** room is listed by `rooms:subscribe` and may be joined or watched by anyone with its code.",
    "- A **private** room is never listed. Its code seats a player before the game starts; it can be watched only once",
    "  the game has started (`ROOM_NOT_WATCHABLE` before), so its roster, chat and code stay among the invited.",
    "- A player the host **kicked** can neither rejoin nor watch the room for as long as it exists (`KICKED`), nor can",
    "  any session started afterwards from the address they were kicked from. Players whose sessions were already",
    "  there before the kick (a household, a LAN party) are not affected.",
    "",
    "## Acknowledgements",
    "",
    "Every client event takes exactly one payload (and, optionally, a request id: see below) and an ack callback. The server parses the payload with the",
    "event's schema (unknown fields are refused) and always answers with exactly one of:",
    "",
    "```ts",
    "{ ok: true, data: Result }",
    "{ ok: false, error: { code: ErrorCode, message: string } }",
    "```",
    "",
    "An event sent without an ack callback is dropped and counted. An unknown event with an ack gets `UNKNOWN_EVENT`.",
    "",
    "**Order.** The ack of a request is sent once its operation has committed, before every event that operation",
    "pushes and before any event pushed by a later operation. So a `queue:join` answered `queued` is never overtaken",
    "by the `queue:status` `matched` push of the player who completed the group. The SDK keeps that order for its",
    "caller: a resolved request resumes its `await` before listeners see the events that followed its ack.",
    "",
    "### Request ids",
    "",
    "An event that changes something (marked *applied once* below) may carry a second argument between the payload",
    "and the ack, `{ requestId }` (1–64 letters, digits, `-` or `_`), chosen by the client and unique among its",
    'player\'s requests: `emit("game:move", { move }, { requestId: "k3x9-17" }, ack)`. The server applies each',
    "id once per player and remembers the answer it gave — the player's latest 16 answers, 64 KiB at most, for a",
    "minute — in the lobby's store, so across every node of a cluster. The same request sent again with the same id",
    "(its ack timed out; it may come over a new connection to another node) is not applied again: it waits for the",
    "first one and gets the same answer. A refused request is not remembered, so sending it again tries again. The",
    "same id on another event is refused with `INVALID_PAYLOAD`, and so is an envelope on a read. `@lobby/client`",
    "sends one with every such request and sends it again after a timeout.",
    "",
    "## Client → server events",
    "",
  );
  for (const [name, contract] of Object.entries(clientEvents)) out.push(...requestSection(name, contract));
  out.push("## Server → client events", "");
  for (const [name, contract] of Object.entries(serverEvents)) {
    out.push(`### \`${name}\``, "", contract.summary, "", "```ts", typeOf(contract.payload, "output"), "```", "");
  }
  out.push(
    `## The \`${ADMIN_NAMESPACE}\` namespace`,
    "",
    "For operators, and only when the server has `ADMIN_TOKEN`: the handshake carries it as `auth.token`, compared",
    "in constant time; a wrong or missing one is refused (`UNAUTHORIZED`), counted, and an address that keeps trying",
    "is refused without a comparison for a while. Acks work as on `/lobby`. Every action is audited: a log line, and",
    "an `admin:audit` event to every admin connection of the cluster.",
    "",
  );
  for (const [name, contract] of Object.entries(adminClientEvents)) out.push(...requestSection(name, contract));
  for (const [name, contract] of Object.entries(adminServerEvents)) {
    out.push(
      `### \`${name}\` (server → admin)`,
      "",
      contract.summary,
      "",
      "```ts",
      typeOf(contract.payload, "output"),
      "```",
      "",
    );
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

/** One client event's section: what it does, who may send it (when the namespace says), its payload and its ack. */
function requestSection(
  name: string,
  contract: { summary: string; sender?: string; once?: boolean; payload: z.ZodType; result: z.ZodType },
): string[] {
  return [
    `### \`${name}\``,
    "",
    contract.summary,
    "",
    ...(contract.once ? ["**Applied once per `requestId`** (see [Request ids](#request-ids)).", ""] : []),
    ...(contract.sender ? [`**Who may send it:** ${contract.sender}`, "", "Payload:", ""] : []),
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
  ];
}
