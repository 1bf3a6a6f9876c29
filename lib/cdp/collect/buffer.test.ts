import { describe, expect, it, vi } from "vitest";
import type { StoredEvent } from "@/lib/cdp/track/events";

// A database that is away for one batch's writes and fine for another's cannot be staged with a real
// one, so here (only) the writer is a stand-in: it fails every write that holds a "Flaky" event.
const written: string[] = [];
const attempts = new Map<string, number>();
vi.mock("@/lib/db", () => ({ getDb: async () => ({}) }));
vi.mock("@/lib/cdp/audience/refresh", () => ({ refreshCustomers: async () => {} }));
vi.mock("@/lib/log", () => ({ log: { error: () => {}, warn: () => {}, info: () => {} } })); // the failures are the point here
vi.mock("@/lib/cdp/collect/write", () => ({
  writeEventsRobustly: async (_db: unknown, events: StoredEvent[]) => {
    for (const e of events) attempts.set(e.event!, (attempts.get(e.event!) ?? 0) + 1);
    if (events.some((e) => e.event === "Flaky")) throw new Error("connection refused");
    written.push(...events.map((e) => e.event!));
    return { inserted: events.length, profileUsers: [], deadLetters: 0 };
  },
}));

const event = (name: string): StoredEvent => ({
  messageId: name,
  type: "track",
  event: name,
  category: "analytics",
  anonymousId: "a",
  userId: null,
  sourceId: null,
  deviceType: null,
  context: {},
  properties: {},
  timestamp: new Date(),
});

describe("event buffer retries", () => {
  it("counts failures per batch: another batch's success neither resets nor drops a failing one", async () => {
    const { enqueueEvents, flushEvents, queuedEvents } = await import("@/lib/cdp/collect/buffer");
    enqueueEvents([event("Flaky")]);
    await flushEvents(); // attempt 1 fails
    for (let i = 0; i < 6; i++) {
      enqueueEvents([event(`Good ${i}`)]);
      await flushEvents(); // each good batch lands; the flaky one is retried alongside, with its own count
    }
    expect(written).toEqual(["Good 0", "Good 1", "Good 2", "Good 3", "Good 4", "Good 5"]);
    // Five attempts, then given up on (not retried for ever because other batches succeeded).
    expect(attempts.get("Flaky")).toBe(5);
    expect(queuedEvents()).toBe(0);
  });
});
