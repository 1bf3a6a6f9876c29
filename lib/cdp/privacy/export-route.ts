import "server-only";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { exportCustomerData } from "@/lib/cdp/privacy/privacy";

export async function exportForCurrentUser(): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "sign in first" }, { status: 401, headers: { "Cache-Control": "no-store" } });
  const data = await exportCustomerData(await getDb(), user.id);
  const day = new Date().toISOString().slice(0, 10);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="hearth-your-data-${day}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
