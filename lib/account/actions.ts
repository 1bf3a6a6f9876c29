"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { customerAction } from "@/lib/shop/action";
import { addAddress, removeAddress, setDefaultAddress } from "./addresses";

const idForm = z.object({ id: z.coerce.number({ error: "Address not found." }).int().positive().max(2_147_483_647) });
const saved = (message: string) => {
  revalidatePath("/account/addresses");
  return { message };
};

export const addAddressAction = customerAction(
  // The address itself is checked by the address book (addressSchema), the one home of its rules.
  { name: "account.addAddress", schema: z.object({}).loose(), invalid: "Please check the address." },
  async (input, { db, user }) => {
    await addAddress(db, user.id, input as never);
    return saved("Address saved.");
  },
);

export const removeAddressAction = customerAction({ name: "account.removeAddress", schema: idForm }, async ({ id }, { db, user }) => {
  await removeAddress(db, user.id, id);
  return saved("Address removed.");
});

export const setDefaultAddressAction = customerAction({ name: "account.setDefaultAddress", schema: idForm }, async ({ id }, { db, user }) => {
  await setDefaultAddress(db, user.id, id);
  return saved("Default address changed.");
});
