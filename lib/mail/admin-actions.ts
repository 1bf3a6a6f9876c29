"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { adminAction } from "@/lib/admin/action";
import { UserError } from "@/lib/result";
import { resendMail } from "./worker";

/** Staff put a failed (or any) mail back in the queue; the worker sends it as if new. */
export const resendMailAction = adminAction(
  { name: "outbox.resend", schema: z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) }) },
  async ({ id }, { tx, audit }) => {
    if (!(await resendMail(tx, id))) throw new UserError("That email is no longer in the outbox.");
    await audit({ entity: "outbox", entityId: id, after: { status: "pending" } });
    return { message: "Queued to send again." };
  },
  () => revalidatePath("/admin/outbox"),
);
