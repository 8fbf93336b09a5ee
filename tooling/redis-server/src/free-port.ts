import { createServer } from "node:net";

/**
 * A TCP port on 127.0.0.1 that the OS reports free right now. The caller binds it moments later, so
 * another process could take it in between; callers that pick their own port retry on "in use".
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
