"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { adminAction } from "@/lib/admin/action";
import { textInput } from "@/lib/input";
import { recomputeAll } from "@/lib/cdp/audience/refresh";
import { createSegment, recomputeSegments } from "@/lib/cdp/audience/segments";
import { createSource, revokeSource } from "@/lib/cdp/collect/sources";

const checkbox = z.preprocess((v) => v === "on" || v === "1" || v === "true", z.boolean());
const sourceSchema = z.object({
  name: textInput({ max: 80, required: "Give the source a name" }),
  trusted: checkbox.default(false),
  userIds: z.enum(["hearth", "external"], { error: "Choose how this source names customers" }).default("hearth"),
});

/** Admins only: a new event source; the write key is returned once and never stored (nor logged). */
export const createSourceAction = adminAction(
  { name: "source.create", roles: ["admin"], schema: sourceSchema },
  async (input, { tx, user, audit }) => {
    const { source, writeKey } = await createSource(tx, { ...input, createdBy: user.id });
    await audit({ entity: "source", entityId: source.id, after: { name: source.name, trusted: source.trusted, userIds: source.userIds, keyPrefix: source.keyPrefix } });
    return { message: `Source “${source.name}” created. Copy its write key now: it is not shown again.`, writeKey };
  },
  () => revalidatePath("/admin/sources"),
);

/** Admins only: a revoked key stops working at once. */
export const revokeSourceAction = adminAction(
  { name: "source.revoke", roles: ["admin"], schema: z.object({ id: z.coerce.number().int().positive() }) },
  async ({ id }, { tx, audit }) => {
    const revoked = await revokeSource(tx, id);
    if (revoked) await audit({ entity: "source", entityId: id, before: { revoked: false }, after: { revoked: true } });
    return { message: revoked ? "Revoked." : "Already revoked." };
  },
  () => revalidatePath("/admin/sources"),
);

/** Staff: recompute every profile and segment now instead of waiting for the schedule. */
export const recomputeNowAction = adminAction(
  { name: "segments.recompute", schema: z.object({}) },
  async (_input, { tx, audit }) => {
    const r = await recomputeAll(tx);
    await audit({ entity: "segments", after: { profiles: r.profiles, segments: r.segments.length } });
    return { message: `Recomputed ${r.profiles} profiles and ${r.segments.length} segments in ${Math.round(r.profileMs + r.segmentMs)} ms.` };
  },
  () => revalidatePath("/admin/segments"),
);

const segmentSchema = z.object({
  name: textInput({ max: 100, required: "Give the segment a name" }),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .max(60)
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Slug: lower-case letters, digits and single dashes"),
  description: textInput({ max: 300, multiline: true }).default(""),
  rules: z
    .string()
    .max(20_000)
    .transform((v, ctx) => {
      try {
        return JSON.parse(v) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "Add at least one condition" });
        return z.NEVER;
      }
    }),
});

/** Staff: a custom segment over profile traits; members are computed at once. */
export const createSegmentAction = adminAction(
  { name: "segment.create", schema: segmentSchema },
  async (input, { tx, user, audit }) => {
    const seg = await createSegment(tx, { ...input, createdBy: user.id });
    const [sized] = await recomputeSegments(tx, { segmentIds: [seg.id] });
    await audit({ entity: "segment", entityId: seg.slug, after: { name: seg.name, rules: seg.rules as Record<string, unknown> } });
    return { slug: seg.slug, message: `“${seg.name}” created with ${sized?.size ?? 0} customers.` };
  },
  () => revalidatePath("/admin/segments"),
);
