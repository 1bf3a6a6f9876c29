import { formatDay, formatPrice } from "@/lib/format";

type Profile = {
  ordersCount: number;
  lifetimeValuePence: number;
  aovPence: number;
  firstSeenAt: Date | null;
  lastSeenAt: Date | null;
  lastOrderAt: Date | null;
  favouriteCategories: { slug: string; name: string; units: number }[];
  mobileShare: number | null;
  ecoShare: number | null;
  onTimeRate: number | null;
  csatAverage: number | null;
  rScore: number | null;
  fScore: number | null;
  mScore: number | null;
  lifecycle: string;
};

const pct = (v: number | null) => (v == null ? "—" : `${Math.round(v * 100)}%`);
const day = (d: Date | null) => (d ? formatDay(d, "medium") : "—");
const STAGE: Record<string, string> = {
  prospect: "Not ordered yet",
  new: "New customer",
  champion: "Champion",
  active: "Active",
  at_risk: "Not seen for a while",
  lapsed: "Lapsed",
};

/** The customer's unified profile, as the shop sees it. */
export function ProfileSummary({ profile, segments }: { profile: Profile; segments: { slug: string; name: string }[] }) {
  const rows: [string, string][] = [
    ["Orders", String(profile.ordersCount)],
    ["Spent with us (net of refunds)", formatPrice(profile.lifetimeValuePence)],
    ["Average order", profile.ordersCount ? formatPrice(profile.aovPence) : "—"],
    ["First seen", day(profile.firstSeenAt)],
    ["Last seen", day(profile.lastSeenAt)],
    ["Last order", day(profile.lastOrderAt)],
    ["Favourite categories", profile.favouriteCategories.map((c) => c.name).join(", ") || "—"],
    ["Shopping on a phone", pct(profile.mobileShare)],
    ["Eco deliveries (bike or EV)", pct(profile.ecoShare)],
    ["Deliveries on time", pct(profile.onTimeRate)],
    ["Your average rating", profile.csatAverage == null ? "—" : `${profile.csatAverage.toFixed(1)} / 5`],
    ["Recency · frequency · spend scores", profile.rScore ? `${profile.rScore} · ${profile.fScore} · ${profile.mScore} (of 5)` : "—"],
    ["Stage", STAGE[profile.lifecycle] ?? profile.lifecycle],
  ];
  return (
    <div>
      <dl className="grid grid-cols-1 gap-x-6 text-sm sm:grid-cols-2" data-testid="profile-summary">
        {rows.map(([k, v]) => (
          <div key={k} className="flex justify-between gap-3 border-b border-line py-2">
            <dt className="text-muted">{k}</dt>
            <dd className="text-right font-medium">{v}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-3 text-sm">
        <span className="text-muted">Segments: </span>
        <span data-testid="segments">{segments.length ? segments.map((s) => s.name).join(", ") : "none"}</span>
      </p>
    </div>
  );
}
