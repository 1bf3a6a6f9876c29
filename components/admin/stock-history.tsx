import { STOCK_REASONS, type StockReason } from "@/lib/inventory/reasons";
import { formatDateTime } from "@/lib/format";

type Row = { id: number; delta: number; stockAfter: number; reason: StockReason; note: string; at: Date };

export function StockHistory({ rows }: { rows: Row[] }) {
  if (!rows.length) return <p className="text-sm text-muted">No adjustments yet.</p>;
  return (
    <table className="w-full max-w-2xl text-left text-sm [&_td]:pr-3 [&_th]:pr-3" data-testid="stock-history">
      <thead className="text-muted">
        <tr>
          <th className="py-1">When</th>
          <th className="text-right">Change</th>
          <th className="text-right">After</th>
          <th>Reason</th>
          <th>Note</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} className="border-t border-line">
            <td className="py-1">{formatDateTime(r.at)}</td>
            <td className="text-right tabular-nums">{r.delta > 0 ? `+${r.delta}` : r.delta}</td>
            <td className="text-right tabular-nums">{r.stockAfter}</td>
            <td>{STOCK_REASONS[r.reason]}</td>
            <td>{r.note}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
