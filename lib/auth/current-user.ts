import "server-only";
import { eq } from "drizzle-orm";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { users } from "@/db/schema";
import { getDb } from "@/lib/db";
import type { Role } from "./auth.config";
import { auth } from "./index";

export type CurrentUser = { id: number; email: string; name: string | null; role: Role };

/**
 * The signed-in user for this request, checked against the database (a deleted account or a
 * session from before a password change counts as signed out). Memoised per request.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const id = Number(session?.user?.id);
  if (!session || !Number.isInteger(id)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, sessionVersion: users.sessionVersion })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  if (!row || row.sessionVersion !== Number((session as { sv?: number }).sv ?? 0)) return null;
  return { id: row.id, email: row.email, name: row.name, role: row.role };
});

/** For account pages: the user, or a redirect to sign in and back. */
export async function requireUser(returnTo: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  return user;
}

/** For staff pages: anyone without the role gets a 404, never a hint the page exists. */
export async function requireRole(...roles: Role[]): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user || !roles.includes(user.role)) notFound();
  return user;
}
