import { adminRoute } from "@/lib/admin/action";
import { getRuleCount } from "@/lib/cdp/admin-queries";
import { UserError } from "@/lib/result";

/** GET /admin/segments/preview?rules=<json>: how many customers the rule selects now (live in the builder). */
export const GET = adminRoute(["admin", "merchandiser"], async (_user, req: Request) => {
  const raw = new URL(req.url).searchParams.get("rules") ?? "";
  let rules: unknown;
  try {
    rules = JSON.parse(raw.slice(0, 20_000));
  } catch {
    return Response.json({ error: "Add at least one condition" }, { status: 400 });
  }
  try {
    return Response.json({ customers: await getRuleCount(rules) }, { headers: { "cache-control": "no-store" } });
  } catch (err) {
    if (err instanceof UserError) return Response.json({ error: err.message }, { status: 400 });
    throw err;
  }
});
