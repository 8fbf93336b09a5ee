import { MODE_IDS } from "@lobby/contracts";
import type { Bot } from "./bot";
import type { Meters } from "./meters";
import type { ChurnPlan } from "./protocol";

/** A bot never takes more steps than this, whatever the duration. */
const MAX_STEPS_PER_BOT = 5000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One step of a churning player, chosen at random from where it is:
 * offline → connect (resuming the session most of the time); idle → quick
 * match; queued → cancel or keep waiting; seated → leave the room, drop
 * the connection and come back within the grace period, or drop it for good.
 */
async function step(bot: Bot, plan: ChurnPlan, meters: Meters): Promise<void> {
  const roll = Math.random();
  if (!bot.connected) {
    const resume = bot.token !== undefined && roll < 0.7;
    meters.action(resume ? "resume" : "connect");
    if (await bot.connect(bot.url, resume)) meters.connected++;
    return;
  }
  if (!bot.seated && !bot.queued) {
    meters.action("queue");
    await bot.quickMatch(MODE_IDS[Math.floor(Math.random() * MODE_IDS.length)]);
    return;
  }
  if (!bot.seated) {
    if (roll < 0.5) {
      meters.action("cancel");
      await bot.cancelQueue();
    }
    return;
  }
  if (roll < 0.4) {
    meters.action("leave");
    await bot.leaveRoom();
  } else if (roll < 0.7) {
    meters.action("drop-and-return");
    bot.disconnect();
    await sleep(Math.random() * plan.reconnectWithinMs);
  } else if (roll < 0.85) {
    meters.action("drop-for-good");
    bot.disconnect(true);
  }
}

/** Every bot keeps churning until the deadline; resolves when all have stopped. */
export async function runChurn(bots: readonly Bot[], plan: ChurnPlan, meters: Meters): Promise<void> {
  const deadline = Date.now() + plan.durationMs;
  await Promise.all(
    bots.map(async (bot) => {
      // Stagger the start so the first second is not one synchronized wave.
      await sleep(Math.random() * plan.maxPauseMs);
      for (let i = 0; i < MAX_STEPS_PER_BOT && Date.now() < deadline; i++) {
        await step(bot, plan, meters);
        // Leaves time for the state pushed after a step (a resumed seat, a match) to arrive.
        await sleep(Math.random() * plan.maxPauseMs);
      }
    }),
  );
}
