import { DEVICES, type KpiFilters } from "@/lib/kpi/filters";

/** The range and filters, as a plain GET form: every view has its own shareable URL. */
export function KpiFiltersForm({
  value,
  segments,
  countries,
  error,
}: {
  value: KpiFilters;
  segments: { slug: string; name: string }[];
  countries: string[];
  error?: string | null;
}) {
  const field = "mt-1 block w-full rounded-lg border border-line bg-surface px-3 py-2";
  return (
    <form method="get" className="grid grid-cols-2 items-end gap-3 rounded-2xl border border-line bg-surface p-4 md:grid-cols-6" aria-label="Dashboard filters">
      <label className="text-sm">
        From
        <input type="date" name="from" defaultValue={value.from} required className={field} />
      </label>
      <label className="text-sm">
        To
        <input type="date" name="to" defaultValue={value.to} required className={field} />
      </label>
      <label className="text-sm">
        Segment
        <select name="segment" defaultValue={value.segment ?? ""} className={field}>
          <option value="">All customers</option>
          {segments.map((s) => (
            <option key={s.slug} value={s.slug}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        Device
        <select name="device" defaultValue={value.device ?? ""} className={field}>
          <option value="">All devices</option>
          {DEVICES.map((d) => (
            <option key={d} value={d}>
              {d[0]!.toUpperCase() + d.slice(1)}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        Country
        <select name="country" defaultValue={value.country ?? ""} className={field}>
          <option value="">All countries</option>
          {countries.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="tap rounded-full bg-accent px-5 font-semibold text-accent-ink">
        Apply
      </button>
      {error ? (
        <p role="alert" className="col-span-full text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </form>
  );
}
