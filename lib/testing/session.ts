/**
 * A stand-in for the signed-in user in integration tests of server actions and server reads, so
 * they run without a request (the database stays real). In a test file:
 *   vi.mock("@/lib/auth/current-user", () => import("@/lib/testing/session"));
 *   signInAs({ id, email, role: "merchandiser" });
 */
import type { CurrentUser } from "@/lib/auth/current-user";

const state: { user: CurrentUser | null } = { user: null };

export function signInAs(user: (Omit<CurrentUser, "name"> & { name?: string | null }) | null): void {
  state.user = user ? { name: null, ...user } : null;
}

export async function getCurrentUser(): Promise<CurrentUser | null> {
  return state.user;
}

export async function requireUser(): Promise<CurrentUser> {
  if (!state.user) throw new Error("NEXT_REDIRECT: sign in");
  return state.user;
}

export async function requireRole(...roles: CurrentUser["role"][]): Promise<CurrentUser> {
  if (!state.user || !roles.includes(state.user.role)) throw new Error("NEXT_NOT_FOUND");
  return state.user;
}

/** A FormData from a plain object (arrays become repeated fields). */
export function formData(values: Record<string, string | string[] | File | File[]>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) for (const one of [v].flat()) f.append(k, one);
  return f;
}
