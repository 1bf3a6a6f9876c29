"use client";

import { useActionState } from "react";
import { decideReturnAction, receiveReturnAction, refundReturnAction } from "@/lib/returns/admin-actions";
import { FormAlert } from "@/components/ui/form";
import { formatPrice } from "@/lib/format";

const btn = "tap rounded-full px-4 text-sm font-semibold";

/** The next steps for one return: approve or refuse with a note; mark received; refund in full or in part. */
export function ReturnSteps({ id, status, fullPence, deliveryPence }: { id: number; status: string; fullPence: number; deliveryPence: number }) {
  const [decided, decide, deciding] = useActionState(decideReturnAction, null);
  const [received, receive, receiving] = useActionState(receiveReturnAction, null);
  const [refunded, refund, refunding] = useActionState(refundReturnAction, null);
  const refundErrors = refunded && !refunded.ok ? refunded.fieldErrors : undefined;
  return (
    <div className="flex flex-col gap-3">
      <FormAlert state={decided} />
      <FormAlert state={received} />
      <FormAlert state={refunded} />
      {status === "requested" ? (
        <form action={decide} className="flex flex-col gap-2">
          <input type="hidden" name="id" value={id} />
          <label htmlFor={`note-${id}`} className="text-sm font-medium">
            Note to the customer
          </label>
          <textarea id={`note-${id}`} name="note" rows={2} maxLength={500} className="rounded-md border border-line bg-surface p-2 text-sm" />
          <div className="flex gap-2">
            <button type="submit" name="decision" value="approve" disabled={deciding} className={`${btn} bg-accent text-accent-ink`}>
              Approve return
            </button>
            <button type="submit" name="decision" value="refuse" disabled={deciding} className={`${btn} border border-line`}>
              Refuse return
            </button>
          </div>
        </form>
      ) : null}
      {status === "approved" ? (
        <form action={receive}>
          <input type="hidden" name="id" value={id} />
          <button type="submit" disabled={receiving} className={`${btn} bg-ink text-canvas`}>
            Mark parcel received
          </button>
        </form>
      ) : null}
      {status === "approved" || status === "received" ? (
        <form action={refund} className="flex flex-col gap-2 rounded-md border border-line p-3">
          <input type="hidden" name="id" value={id} />
          <label htmlFor={`amount-${id}`} className="text-sm font-medium">
            Refund amount (£)
          </label>
          <input
            id={`amount-${id}`}
            name="amount"
            inputMode="decimal"
            placeholder={(fullPence / 100).toFixed(2)}
            aria-describedby={`amount-${id}-hint`}
            className="tap rounded-md border border-line bg-surface px-3 text-base"
          />
          <p id={`amount-${id}-hint`} className="text-xs text-muted">
            Empty: the full {formatPrice(fullPence)} for the items{deliveryPence ? `, plus ${formatPrice(deliveryPence)} delivery if ticked` : ""}.
          </p>
          {refundErrors?.amount ? <p className="text-sm text-danger">{refundErrors.amount.join(" ")}</p> : null}
          {deliveryPence ? (
            <label className="tap flex items-center gap-2 text-sm">
              <input type="checkbox" name="includeDelivery" className="h-5 w-5" /> Refund the delivery fee ({formatPrice(deliveryPence)})
            </label>
          ) : null}
          <button type="submit" disabled={refunding} className={`${btn} bg-accent text-accent-ink`}>
            Issue refund
          </button>
        </form>
      ) : null}
    </div>
  );
}
