import { handleSegmentApi } from "@/lib/cdp/http";

/** Segment's HTTP Tracking API: /v1/batch, /v1/track, /v1/identify, /v1/page, /v1/alias. */
export async function POST(request: Request, { params }: { params: Promise<{ method: string }> }) {
  return handleSegmentApi(request, (await params).method);
}
