import { z } from "zod";
import { checkSimulatorToken } from "@/lib/delivery/internal-token";
import { runSimulatorTick } from "@/lib/delivery/simulate";
import { ORDER_NUMBER } from "@/lib/orders/number";
import { env } from "@/lib/env";

const body = z.object({
  orderNumber: z.string().regex(ORDER_NUMBER).optional(),
  step: z.number().min(0.05).max(1).optional(),
  failRate: z.number().min(0).max(1).optional(),
});

/** POST: one simulator tick inside this server (for `npm run deliveries:simulate` against a PGlite store). */
export async function POST(req: Request) {
  if (env().DELIVERY_SIMULATOR === "off") return new Response("Not found", { status: 404 });
  if (!checkSimulatorToken(req.headers.get("authorization"))) return new Response("Not found", { status: 404 });
  const parsed = body.safeParse(await req.json().catch(() => ({})));
  if (!parsed.success) return Response.json({ error: parsed.error.issues.map((i) => i.message) }, { status: 400 });
  return Response.json(await runSimulatorTick(parsed.data));
}
