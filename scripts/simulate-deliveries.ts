/**
 * npm run deliveries:simulate -- [--order H100001] [--interval 3] [--once] [--until-done] [--fail-rate 0.1] [--url http://127.0.0.1:3000]
 *
 * Moves shipments along (packed → dispatched → out for delivery → delivered) so tracking pages
 * show real transitions. With PostgreSQL it works on the database directly (NOTIFY reaches every
 * store instance). With PGlite, whose data directory the running store owns, it asks that store to
 * run each tick in-process (authenticated with a token derived from AUTH_SECRET).
 */
import { z } from "zod";
import { databaseUrl, getDb } from "@/lib/db";
import { DataDirLockedError } from "@/lib/db/lock";
import { simulatorToken } from "@/lib/delivery/internal-token";
import { openShipmentCount, simulateTick, type SimulateOptions } from "@/lib/delivery/simulate";
import { ORDER_NUMBER } from "@/lib/orders/number";
import { env } from "@/lib/env";
import { runCli, UsageError } from "./cli";

const argsSchema = z.object({
  order: z.string().regex(ORDER_NUMBER, "--order takes an order number like H100001").optional(),
  interval: z.coerce.number().min(0.1).max(3600).default(3),
  failRate: z.coerce.number().min(0).max(1).default(0),
  step: z.coerce.number().min(0.05).max(1).default(0.34),
  once: z.boolean().default(false),
  untilDone: z.boolean().default(false),
  maxTicks: z.coerce.number().int().min(1).max(100_000).default(1000),
  // Unset: this store's own port (runCli has read .env.local, as the store does, by then).
  url: z.string().url().optional(),
});

function parseArgs(argv: string[]) {
  const out: Record<string, unknown> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith("--")) throw new UsageError(`unexpected argument ${a}`);
    const key = a.slice(2).replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
    if (key === "once" || key === "untilDone") out[key] = true;
    else out[key] = argv[++i];
  }
  const parsed = argsSchema.safeParse(out);
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  return parsed.data;
}

type Tick = (o: SimulateOptions) => Promise<{ changed: number; open: number }>;

async function localTick(): Promise<Tick | null> {
  try {
    const db = await getDb();
    return async (o) => ({ changed: await simulateTick(db, o), open: await openShipmentCount(db, o.orderNumber) });
  } catch (err) {
    if (err instanceof DataDirLockedError) return null;
    throw err;
  }
}

function remoteTick(url: string): Tick {
  return async (o) => {
    const res = await fetch(`${url}/api/internal/deliveries/simulate`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${simulatorToken()}` },
      body: JSON.stringify(o),
    }).catch((err: Error) => {
      throw new UsageError(`the store at ${url} did not answer (${err.message}); is it running? (--url to point elsewhere)`);
    });
    if (!res.ok) throw new UsageError(`the store at ${url} refused the simulator (${res.status}); it must share this AUTH_SECRET`);
    return (await res.json()) as { changed: number; open: number };
  };
}

void runCli(async () => {
  const args = parseArgs(process.argv.slice(2));
  const tick = (await localTick()) ?? remoteTick(args.url ?? `http://127.0.0.1:${env().PORT}`);
  console.log(`deliveries: simulating ${args.order ? `order ${args.order}` : "all open shipments"} ${databaseUrl() ? "on PostgreSQL" : "through the running store (PGlite)"}`);
  for (let n = 1; n <= args.maxTicks; n++) {
    const r = await tick({ orderNumber: args.order, failRate: args.failRate, step: args.step });
    console.log(`tick ${n}: ${r.changed} changed, ${r.open} still open`);
    if (args.once || (args.untilDone && r.open === 0)) break;
    await new Promise((res) => setTimeout(res, args.interval * 1000));
  }
});
