import type { TrackingSnapshot } from "@/lib/delivery/tracking";

/** The route on a locally drawn map (SVG, no tiles): streets, depot, the way travelled, the courier. */
export function RouteMap({ snap }: { snap: TrackingSnapshot }) {
  const pts = snap.route.map(([x, y]) => `${x},${y}`).join(" ");
  const end = snap.route[snap.route.length - 1]!;
  const [cx, cy] = snap.position;
  const streets = Array.from({ length: 9 }, (_, i) => 10 + i * 10);
  return (
    <svg
      viewBox="0 0 100 100"
      className="aspect-square w-full rounded-lg bg-sunken"
      role="img"
      aria-label={`Map: the courier is ${Math.round(snap.progress * 100)}% of the way`}
      data-testid="route-map"
    >
      <g stroke="var(--line)" strokeWidth="1.2">
        {streets.map((v) => (
          <line key={`h${v}`} x1="0" y1={v} x2="100" y2={v} />
        ))}
        {streets.map((v) => (
          <line key={`v${v}`} x1={v} y1="0" x2={v} y2="100" />
        ))}
      </g>
      <path d="M0 70 C 20 62, 40 78, 60 70 S 90 60, 100 66" stroke="#8fb3c9" strokeWidth="3" fill="none" opacity="0.6" />
      <polyline points={pts} fill="none" stroke="var(--muted)" strokeWidth="1.2" strokeDasharray="2 1.5" />
      <polyline points={pts} fill="none" stroke="var(--accent)" strokeWidth="1.8" pathLength={1} strokeDasharray={`${snap.progress} 1`} />
      <rect x="47" y="47" width="6" height="6" rx="1" fill="var(--ink)">
        <title>Depot</title>
      </rect>
      <path d={`M${end[0]} ${end[1] - 1} l-3 -5 a3.6 3.6 0 1 1 6 0 z`} fill="var(--accent)">
        <title>Your door</title>
      </path>
      {snap.status === "out_for_delivery" || snap.status === "failed_attempt" || snap.status === "delivered" ? (
        <circle cx={cx} cy={cy} r="2.6" fill="var(--sage)" stroke="var(--surface)" strokeWidth="1" data-testid="courier">
          <title>Courier</title>
        </circle>
      ) : null}
    </svg>
  );
}
