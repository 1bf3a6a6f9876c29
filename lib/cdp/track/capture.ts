import crypto from "node:crypto";
import { enqueueEvents } from "@/lib/cdp/collect/buffer";
import type { Consent } from "@/lib/cdp/identity/consent";
import { categoryOf, type DeviceType, type EventName, type EventType, type StoredEvent } from "@/lib/cdp/track/events";

export type ServerEventInput = {
  event: EventName | string;
  type?: EventType;
  userId?: number | null;
  anonymousId?: string | null;
  properties?: Record<string, unknown>;
  context?: Record<string, unknown>;
  deviceType?: DeviceType | null;
  /** A stable id makes the event idempotent (e.g. one "Order Completed" per order however often it is sent). */
  messageId?: string;
  timestamp?: Date;
};

export function serverEvent(input: ServerEventInput): StoredEvent {
  const type = input.type ?? "track";
  return {
    messageId: `srv:${input.messageId ?? crypto.randomUUID()}`,
    type,
    event: input.event,
    category: categoryOf(type, input.event),
    anonymousId: input.anonymousId ?? null,
    userId: input.userId ?? null,
    sourceId: null,
    deviceType: input.deviceType ?? null,
    context: { library: { name: "hearth-server" }, ...(input.context ?? {}) },
    properties: input.properties ?? {},
    timestamp: input.timestamp ?? new Date(),
  };
}

/**
 * Records a server-side event without waiting for the database. Analytics events need the
 * subject's consent (pass it); necessary ones are always kept. Returns whether it was kept.
 */
export function capture(input: ServerEventInput, consent?: Consent): boolean {
  const e = serverEvent(input);
  if (e.category === "analytics" && !consent?.analytics) return false;
  if (!e.userId && !e.anonymousId) return false;
  enqueueEvents([e]);
  return true;
}
