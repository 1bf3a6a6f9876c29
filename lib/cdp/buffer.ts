import { getDb } from "@/lib/db";
import type { StoredEvent } from "./events";
import { refreshCustomers } from "./refresh";
import { writeEventsRobustly } from "./write";
import { log } from "@/lib/log";

/**
 * Write-behind buffer for events: capture never waits on the database; a flush runs when 500
 * events are waiting or 250 ms after the first. It is a buffer, not shared state: each instance
 * writes its own to the one database, and at most a quarter-second of events is lost if the
 * process dies. A batch with an event the database refuses still lands whole but for that event
 * (writeEventsRobustly: it goes to the dead letters); a flush that fails because the database is
 * away is retried (bounded, so memory cannot grow without limit).
 */
const MAX_BATCH = 500;
const DELAY_MS = 250;
const MAX_QUEUED = 20_000;

type State = { queue: StoredEvent[]; timer: NodeJS.Timeout | null; flushing: Promise<void> | null; failures: number };
const g = globalThis as typeof globalThis & { __hearthEventBuffer?: State };
const state = (g.__hearthEventBuffer ??= { queue: [], timer: null, flushing: null, failures: 0 });

export function enqueueEvents(events: StoredEvent[]): void {
  if (!events.length) return;
  state.queue.push(...events);
  if (state.queue.length > MAX_QUEUED) state.queue.splice(0, state.queue.length - MAX_QUEUED);
  if (state.queue.length >= MAX_BATCH) void flushEvents();
  else if (!state.timer) {
    state.timer = setTimeout(() => void flushEvents(), DELAY_MS);
    state.timer.unref?.();
  }
}

/** Writes everything queued so far (tests and shutdown call this; it is safe to call at any time). */
export async function flushEvents(): Promise<void> {
  if (state.timer) clearTimeout(state.timer);
  state.timer = null;
  while (state.flushing) await state.flushing;
  if (!state.queue.length) return;
  const batch = state.queue.splice(0, state.queue.length);
  state.flushing = (async () => {
    try {
      const db = await getDb();
      const { profileUsers, deadLetters } = await writeEventsRobustly(db, batch);
      if (deadLetters) log.warn({ events: batch.length, deadLetters }, "cdp: events the database refused went to the dead letters");
      state.failures = 0;
      if (profileUsers.length) await refreshCustomers(db, profileUsers).catch((err) => log.error({ err }, "cdp: profile refresh failed"));
    } catch (err) {
      state.failures++;
      log.error({ err, events: batch.length, attempt: state.failures }, "cdp: writing events failed");
      if (state.failures < 5) {
        state.queue.unshift(...batch);
        state.timer = setTimeout(() => void flushEvents(), DELAY_MS * 2 ** state.failures);
        state.timer.unref?.();
      }
    }
  })();
  try {
    await state.flushing;
  } finally {
    state.flushing = null;
  }
}

export const queuedEvents = () => state.queue.length;
