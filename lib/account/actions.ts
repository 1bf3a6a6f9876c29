"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { fail, fieldErrorsOf, keep, ok, UserError, type ActionResult } from "@/lib/result";
import { addAddress, removeAddress, setDefaultAddress } from "./addresses";

type Result = ActionResult<{ message: string }>;
const idSchema = z.coerce.number().int().positive();

async function withUser(fn: (userId: number) => Promise<string>): Promise<Result> {
  const user = await getCurrentUser();
  if (!user) return fail("Please sign in again.");
  try {
    const message = await fn(user.id);
    revalidatePath("/account/addresses");
    return ok({ message });
  } catch (err) {
    if (err instanceof UserError) return fail(err.message);
    if (err instanceof z.ZodError) return fail("Please check the address.", fieldErrorsOf(err));
    throw err;
  }
}

export async function addAddressAction(_prev: Result | null, data: FormData): Promise<Result> {
  const r = await withUser(async (userId) => {
    await addAddress(await getDb(), userId, Object.fromEntries(data) as never);
    return "Address saved.";
  });
  return keep(r, data, ["label", "name", "line1", "line2", "city", "postcode", "country", "phone"]);
}

export async function removeAddressAction(_prev: Result | null, data: FormData): Promise<Result> {
  return withUser(async (userId) => {
    await removeAddress(await getDb(), userId, idSchema.parse(data.get("id")));
    return "Address removed.";
  });
}

export async function setDefaultAddressAction(_prev: Result | null, data: FormData): Promise<Result> {
  return withUser(async (userId) => {
    await setDefaultAddress(await getDb(), userId, idSchema.parse(data.get("id")));
    return "Default address changed.";
  });
}
