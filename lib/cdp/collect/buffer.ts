import { getDb } from "@/lib/db";
import type { StoredEvent } from "@/lib/cdp/track/events";
import { refreshCustomers } from "@/lib/cdp/audience/refresh";
import { writeEventsRobustly } from "@/lib/cdp/collect/write";
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
const MAX_ATTEMPTS = 5;

/** A batch whose write failed (the database was away): it keeps its own attempt count. */
type Retry = { events: StoredEvent[]; attempts: number };
type State = { queue: StoredEvent[]; retries: Retry[]; timer: NodeJS.Timeout | null; flushing: Promise<void> | null };
const g = globalThis as typeof globalThis & { __hearthEventBuffer?: State };
const state = (g.__hearthEventBuffer ??= { queue: [], retries: [], timer: null, flushing: null });
state.retries ??= [];

function schedule(ms: number) {
  if (state.timer) return;
  state.timer = setTimeout(() => void flushEvents(), ms);
  state.timer.unref?.();
}

export function enqueueEvents(events: StoredEvent[]): void {
  if (!events.length) return;
  state.queue.push(...events);
  if (state.queue.length > MAX_QUEUED) state.queue.splice(0, state.queue.length - MAX_QUEUED);
  if (state.queue.length >= MAX_BATCH) void flushEvents();
  else schedule(DELAY_MS);
}

async function writeBatch(batch: Retry): Promise<void> {
  try {
    const db = await getDb();
    const { profileUsers, deadLetters } = await writeEventsRobustly(db, batch.events);
    if (deadLetters) log.warn({ events: batch.events.length, deadLetters }, "cdp: events the database refused went to the dead letters");
    if (profileUsers.length) await refreshCustomers(db, profileUsers).catch((err) => log.error({ err }, "cdp: profile refresh failed"));
  } catch (err) {
    const attempts = batch.attempts + 1;
    log.error({ err, events: batch.events.length, attempt: attempts }, "cdp: writing events failed");
    if (attempts < MAX_ATTEMPTS) state.retries.push({ events: batch.events, attempts });
    else log.error({ events: batch.events.length }, "cdp: events dropped after repeated failures");
  }
}

/** Writes everything queued so far (tests and shutdown call this; it is safe to call at any time). */
export async function flushEvents(): Promise<void> {
  if (state.timer) clearTimeout(state.timer);
  state.timer = null;
  while (state.flushing) await state.flushing;
  if (!state.queue.length && !state.retries.length) return;
  const batches: Retry[] = [...state.retries.splice(0), ...(state.queue.length ? [{ events: state.queue.splice(0), attempts: 0 }] : [])];
  state.flushing = (async () => {
    for (const b of batches) await writeBatch(b);
    // Failed batches wait longer the more often they failed; each keeps its own count.
    if (state.retries.length) schedule(DELAY_MS * 2 ** Math.max(...state.retries.map((r) => r.attempts)));
  })();
  try {
    await state.flushing;
  } finally {
    state.flushing = null;
  }
}

export const queuedEvents = () => state.queue.length + state.retries.reduce((n, r) => n + r.events.length, 0);
