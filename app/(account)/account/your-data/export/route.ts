import { exportForCurrentUser } from "@/lib/cdp/privacy/export-route";

/** GET: the signed-in customer's data as a JSON download (their own only; 401 otherwise). */
export async function GET() {
  return exportForCurrentUser();
}
