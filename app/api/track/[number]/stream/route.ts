import { readTrackingSnapshot, subscribeToShipment } from "@/lib/delivery/live";
import { getTrackableOrder } from "@/lib/orders/queries";

export const dynamic = "force-dynamic";

/**
 * GET: Server-Sent Events for one order's delivery. Sends a snapshot at once and again whenever
 * PostgreSQL NOTIFY says the shipment changed. The browser's EventSource reconnects by itself
 * (every instance LISTENs, so it may land on any of them).
 */
export async function GET(req: Request, ctx: { params: Promise<{ number: string }> }) {
  const { number } = await ctx.params;
  const token = new URL(req.url).searchParams.get("t") ?? undefined;
  const detail = await getTrackableOrder(number, token);
  if (!detail?.shipment) return new Response("Not found", { status: 404 });
  const shipmentId = detail.shipment.id;
  const enc = new TextEncoder();

  let unlisten: (() => Promise<void>) | null = null;
  let heartbeat: ReturnType<typeof setInterval> | null = null;
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let closed = false;
      const send = (chunk: string) => {
        if (!closed) controller.enqueue(enc.encode(chunk));
      };
      const push = async () => {
        const snap = await readTrackingSnapshot(number);
        if (snap) send(`event: update\ndata: ${JSON.stringify(snap)}\n\n`);
      };
      const close = () => {
        if (closed) return;
        closed = true;
        if (heartbeat) clearInterval(heartbeat);
        void unlisten?.();
        try {
          controller.close();
        } catch {
          /* already closed */
        }
      };
      req.signal.addEventListener("abort", close);
      send("retry: 2000\n\n");
      unlisten = await subscribeToShipment(shipmentId, () => void push().catch(close));
      await push();
      heartbeat = setInterval(() => send(": keep-alive\n\n"), 15_000);
    },
    cancel() {
      if (heartbeat) clearInterval(heartbeat);
      void unlisten?.();
    },
  });
  return new Response(stream, {
    headers: { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-cache, no-transform", Connection: "keep-alive", "X-Accel-Buffering": "no" },
  });
}
