import Link from "next/link";
import { DealForm } from "@/components/admin/deals/deal-form";
import { getDealFormOptions } from "@/lib/deals/admin-queries";
import { staffMetadata } from "@/lib/admin/action";

export const generateMetadata = staffMetadata("New deal");

export default async function NewDealPage() {
  const options = await getDealFormOptions();
  return (
    <section>
      <p className="text-sm">
        <Link href="/admin/deals" className="underline">
          Deals
        </Link>
      </p>
      <h1 className="mt-1 text-2xl font-semibold">New deal</h1>
      <div className="mt-6">
        <DealForm
          options={options}
          values={{
            code: "",
            name: "",
            description: "",
            type: "percent_off",
            value: "10",
            bundleQuantity: "",
            scope: "all",
            categoryIds: [],
            productCodes: "",
            segments: [],
            lifecycle: [],
            customers: "",
            firstOrderOnly: false,
            minSpend: "",
            startsAt: "",
            endsAt: "",
            usageLimit: "",
            perCustomerLimit: "1",
            priority: "0",
            stackable: false,
            requiresCode: false,
            active: true,
          }}
        />
      </div>
    </section>
  );
}
