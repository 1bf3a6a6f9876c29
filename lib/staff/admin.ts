import { and, asc, eq, ne, sql } from "drizzle-orm";
import { textInput } from "@/lib/input";
import { z } from "zod";
import { users } from "@/db/schema";
import type { AdminContext } from "@/lib/admin/action";
import type { Db } from "@/lib/db";
import { inviteStaff } from "@/lib/auth/accounts";
import { UserError } from "@/lib/result";

export const ROLES = ["customer", "merchandiser", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const staffSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter an email address").max(200),
  name: textInput({ max: 100 }).optional().default(""),
  role: z.enum(ROLES, { error: "Choose a role" }),
});

/** Staff accounts (admins first), for the staff page. */
export async function listStaff(db: Db) {
  return db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, hasPassword: sql<boolean>`${users.passwordHash} is not null`, createdAt: users.createdAt })
    .from(users)
    .where(ne(users.role, "customer"))
    .orderBy(sql`${users.role} = 'merchandiser'`, asc(users.email));
}

/**
 * Gives an account a role, creating a password-less account for a new email, invited by email
 * (a link to set a password, valid 7 days) in the same transaction. Nobody changes their own role, and the last admin stays an admin, so
 * the shop can never lock itself out. Returns whether an account was created.
 */
export async function setRole({ tx, user, audit }: AdminContext, input: z.output<typeof staffSchema>): Promise<{ id: number; created: boolean }> {
  const [existing] = await tx
    .select({ id: users.id, role: users.role, name: users.name })
    .from(users)
    .where(sql`lower(${users.email}) = ${input.email}`)
    .limit(1)
    .for("update");
  if (!existing) {
    if (input.role === "customer") throw new UserError("There is no account with that email.");
    const [row] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name || null, role: input.role })
      .returning({ id: users.id });
    await audit({ action: "staff.create", entity: "user", entityId: row!.id, before: null, after: { email: input.email, role: input.role } });
    await inviteStaff(tx, { userId: row!.id, email: input.email, role: input.role, invitedBy: user.name || user.email });
    return { id: row!.id, created: true };
  }
  if (existing.id === user.id) throw new UserError("You cannot change your own role; ask another admin.");
  if (existing.role === input.role) return { id: existing.id, created: false };
  if (existing.role === "admin") {
    const [{ n }] = (await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(users)
      .where(and(eq(users.role, "admin"), ne(users.id, existing.id)))) as [{ n: number }];
    if (!n) throw new UserError("The shop needs at least one admin.");
  }
  await tx.update(users).set({ role: input.role, updatedAt: new Date() }).where(eq(users.id, existing.id));
  await audit({ action: "staff.role", entity: "user", entityId: existing.id, before: { role: existing.role }, after: { role: input.role } });
  return { id: existing.id, created: false };
}
