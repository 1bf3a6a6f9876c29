import type { Deal } from "@/db/schema";
import { penceToPounds } from "@/lib/format";

const local = (d: Date | null) => (d ? d.toISOString().slice(0, 16) : "");

/** A stored deal as the admin form's field values (pounds as text, times as UTC datetime-local). */
export function dealFormValues(d: Deal, productCodes: string[]) {
  return {
    id: d.id,
    code: d.code,
    name: d.name,
    description: d.description,
    type: d.type,
    value: d.type === "percent_off" ? String(d.value) : d.type === "free_eco_delivery" ? "" : penceToPounds(d.value),
    bundleQuantity: d.bundleQuantity ? String(d.bundleQuantity) : "",
    scope: d.scope,
    categoryIds: d.scope === "categories" ? d.scopeIds : [],
    productCodes: productCodes.join(", "),
    segments: d.targeting.segments ?? [],
    lifecycle: d.targeting.lifecycle ?? [],
    customers: (d.targeting.customers ?? []).join(", "),
    firstOrderOnly: Boolean(d.targeting.firstOrderOnly),
    minSpend: d.minSpendPence ? penceToPounds(d.minSpendPence) : "",
    startsAt: local(d.startsAt),
    endsAt: local(d.endsAt),
    usageLimit: d.usageLimit === null ? "" : String(d.usageLimit),
    perCustomerLimit: String(d.perCustomerLimit),
    priority: String(d.priority),
    stackable: d.stackable,
    requiresCode: d.requiresCode,
    active: d.active,
  };
}
