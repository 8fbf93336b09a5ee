import { parseArgs } from "node:util";
import { profileCore } from "./core-profile";

/*
 * `pnpm bench:core`: the lobby core's cost per seat on its own, in process
 * (see core-profile.ts), round by round, and where it allocates. A
 * diagnostic beside `pnpm bench`, which measures the whole server against
 * its baseline; run it with nothing else busy.
 */

const USAGE = `Usage: pnpm bench:core [--players N] [--rounds N] [--sampled N] [--by-code]

  --players N   players per round (each connects, sits down, leaves)        default 2000
  --rounds N    rounds on the same lobby                                    default 5
  --sampled N   sample allocations in this many of the last rounds          default 2
  --by-code     sit down in private Trails rooms of four by invite code
                (one makes the room, three join by its code), not by quick match`;

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      // pnpm forwards a literal "--" before the script's own arguments.
      args: process.argv.slice(2).filter((arg) => arg !== "--"),
      options: {
        players: { type: "string", default: "2000" },
        rounds: { type: "string", default: "5" },
        sampled: { type: "string", default: "2" },
        "by-code": { type: "boolean", default: false },
        help: { type: "boolean", default: false },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const players = Number(values.players);
  const rounds = Number(values.rounds);
  const sampled = Number(values.sampled);
  if (![players, rounds, sampled].every(Number.isInteger) || players < 2 || rounds < 1 || sampled < 0) {
    console.error(USAGE);
    return 2;
  }
  const seating = values["by-code"] ? "code" : "quick";
  // Sampling slows the rounds it covers: their CPU figures say so.
  const sampledRounds = Math.min(sampled, rounds);
  let profile;
  try {
    profile = await profileCore({ players, rounds, sampledRounds, seating });
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
  const lines = [
    seating === "quick"
      ? `Lobby core, in process: ${players} players quick-match per round (Connect Four and Trails), memory store`
      : `Lobby core, in process: ${players} players sit down by invite code per round (private Trails rooms of four), memory store`,
    "",
    "| round | seated | rooms | CPU per seat | wall per seat | allocations sampled |",
    "| ---: | ---: | ---: | ---: | ---: | :---: |",
    ...profile.rounds.map((round, i) => {
      const sampledHere = i >= rounds - sampledRounds ? "yes" : "";
      return `| ${i + 1} | ${round.seated} | ${round.rooms} | ${round.cpuMicrosPerSeat.toFixed(1)} µs | ${round.wallMicrosPerSeat.toFixed(1)} µs | ${sampledHere} |`;
    }),
  ];
  if (profile.allocation) {
    const { bytesPerSeat, top } = profile.allocation;
    lines.push(
      "",
      `Allocated per seat (sampled, collected objects included): ${(bytesPerSeat / 1024).toFixed(1)} KiB`,
      "",
      "| bytes per seat | function |",
      "| ---: | --- |",
      ...top.map(({ where, bytesPerSeat: bytes }) => `| ${bytes.toFixed(0)} | ${where} |`),
    );
  }
  process.stdout.write(`${lines.join("\n")}\n`);
  return 0;
}

process.exitCode = await main();
