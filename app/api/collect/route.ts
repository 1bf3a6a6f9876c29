import { handleBeacon } from "@/lib/cdp/collect/http";

export async function POST(request: Request) {
  return handleBeacon(request);
}
