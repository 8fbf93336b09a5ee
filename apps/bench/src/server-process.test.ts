import { describe, expect, it } from "vitest";
import { BENCH_DEFAULTS, serverEnv } from "./server-process";

describe("serverEnv", () => {
  it("turns limits off unless a scenario turns them on, and lets null leave the server's default", () => {
    const base = { PATH: "/bin", RATE_LIMITS: "on", MAX_CONNECTIONS_PER_ADDRESS: "5", PORT: "1" };
    const plain = serverEnv(base, { COUNTDOWN_MS: "0" }, { PORT: "4000" });
    expect(plain).toMatchObject({ PATH: "/bin", ...BENCH_DEFAULTS, COUNTDOWN_MS: "0", PORT: "4000" });
    const abuse = serverEnv(
      base,
      { RATE_LIMITS: "on", MAX_CONNECTIONS_PER_ADDRESS: null, PORT: "1" },
      { PORT: "4000" },
    );
    expect(abuse.RATE_LIMITS).toBe("on");
    expect("MAX_CONNECTIONS_PER_ADDRESS" in abuse).toBe(false);
    // Where the server listens is the bench's to say.
    expect(abuse.PORT).toBe("4000");
  });
});
