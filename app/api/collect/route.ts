import { handleBeacon } from "@/lib/cdp/http";

export async function POST(request: Request) {
  return handleBeacon(request);
}
