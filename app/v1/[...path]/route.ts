import { handleSegmentApi } from "@/lib/cdp/collect/http";

/**
 * Segment's HTTP Tracking API: /v1/batch, /track, /identify, /page, /screen, /group, /alias; also
 * /v1/v1/<method>, where RudderStack's SDK posts when its data-plane URL already ends in /v1.
 */
export async function POST(request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  const { path } = await params;
  const method = path.length === 1 ? path[0]! : path.length === 2 && path[0] === "v1" ? path[1]! : "";
  return handleSegmentApi(request, method);
}
