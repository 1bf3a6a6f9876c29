import { and, desc, eq, gte, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { textInput } from "@/lib/input";
import { csatResponses, orders, shipments } from "@/db/schema";
import type { Db } from "@/lib/db";
import { UserError } from "@/lib/result";

export const CSAT_EDIT_DAYS = 7;

const rating = (what: string) =>
  z.coerce
    .number({ error: `Rate the ${what} from 1 to 5` })
    .int(`Rate the ${what} from 1 to 5`)
    .min(1, `Rate the ${what} from 1 to 5`)
    .max(5, `Rate the ${what} from 1 to 5`);
export const csatSchema = z.object({
  orderRating: rating("order"),
  deliveryRating: rating("delivery"),
  comment: textInput({ max: 1000, multiline: true }).default(""),
});

/**
 * Records the customer's rating of a delivered order: one answer per order, which its author may
 * change for 7 days after first answering.
 */
export async function submitCsat(db: Db, userId: number, number: string, input: z.input<typeof csatSchema>): Promise<"created" | "updated"> {
  const answer = csatSchema.parse(input);
  const [row] = await db
    .select({ orderId: orders.id, status: shipments.status })
    .from(orders)
    .innerJoin(shipments, eq(shipments.orderId, orders.id))
    .where(and(eq(orders.number, number), eq(orders.userId, userId)));
  if (!row) throw new UserError("Order not found.");
  if (row.status !== "delivered") throw new UserError("You can rate an order once it has been delivered.");
  const inserted = await db
    .insert(csatResponses)
    .values({ orderId: row.orderId, userId, ...answer })
    .onConflictDoNothing()
    .returning({ orderId: csatResponses.orderId });
  if (inserted.length) return "created";
  const updated = await db
    .update(csatResponses)
    .set(answer)
    .where(and(eq(csatResponses.orderId, row.orderId), gte(csatResponses.createdAt, sql`now() - make_interval(days => ${CSAT_EDIT_DAYS})`)))
    .returning({ orderId: csatResponses.orderId });
  if (!updated.length) throw new UserError(`Ratings can be changed for ${CSAT_EDIT_DAYS} days; this one is final now. Thank you!`);
  return "updated";
}

/** Delivered orders of the last 30 days the customer has not rated yet. */
export async function ordersAwaitingCsat(db: Db, userId: number) {
  return db
    .select({ number: orders.number, deliveredAt: shipments.deliveredAt })
    .from(orders)
    .innerJoin(shipments, eq(shipments.orderId, orders.id))
    .leftJoin(csatResponses, eq(csatResponses.orderId, orders.id))
    .where(and(eq(orders.userId, userId), eq(shipments.status, "delivered"), isNull(csatResponses.orderId), gte(shipments.deliveredAt, sql`now() - interval '30 days'`)))
    .orderBy(desc(shipments.deliveredAt))
    .limit(5);
}
