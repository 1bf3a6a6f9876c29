import Link from "next/link";
import { SegmentBuilder } from "@/components/admin/segments/segment-builder";
import { requireStaff, staffMetadata } from "@/lib/admin/action";
import { SEGMENT_FIELDS, SEGMENT_OPS } from "@/lib/cdp/audience/rules";

export const generateMetadata = staffMetadata("New segment");

export default async function NewSegmentPage() {
  await requireStaff();
  return (
    <section>
      <p className="text-sm">
        <Link href="/admin/segments" className="underline">
          Segments
        </Link>
      </p>
      <h1 className="mt-1 text-2xl font-semibold">New segment</h1>
      <p className="mt-1 max-w-prose text-sm text-muted">
        Built from each customer’s profile (recomputed on a schedule and after their orders, deliveries and ratings). Money is in pence.
      </p>
      <div className="mt-6">
        <SegmentBuilder fields={SEGMENT_FIELDS} ops={SEGMENT_OPS} />
      </div>
    </section>
  );
}
