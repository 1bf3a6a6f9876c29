"use client";

import { useActionState, useMemo, useState } from "react";
import { placeOrderAction } from "@/lib/checkout/actions";
import { COUNTRIES } from "@/lib/account/address";
import { defaultOption, deliveryOptions, type Method } from "@/lib/delivery/options";
import { bestDeals, type PricedLine, type PricingDeal } from "@/lib/deals/pricing";
import { formatCo2, formatDay, formatPrice } from "@/lib/format";
import { Field, FormAlert, SubmitButton } from "@/components/ui/form";
import { LeafIcon } from "@/components/ui/icons";

type SavedAddress = { id: number; label: string; name: string; line1: string; line2: string; city: string; postcode: string; country: string; phone: string };

const STEPS = ["Address", "Delivery", "Review"] as const;
const ADDRESS_STEP_FIELDS = new Set(["email", "name", "phone", "line1", "line2", "city", "postcode", "country"]);
const day = (d: Date) => formatDay(d, "weekday");

/**
 * Checkout: steps on a phone (address → delivery → review), one page from md up. Options and totals
 * shown here are estimates from the same pure code the server runs again when the order is placed.
 */
export function CheckoutForm({
  idempotencyKey,
  subtotalPence,
  saved,
  prefersEco,
  guest = false,
  deals = [],
  lines = [],
}: {
  idempotencyKey: string;
  /** No account: an email and a phone with the address; nothing is saved for next time. */
  guest?: boolean;
  subtotalPence: number;
  saved: SavedAddress[];
  prefersEco: boolean;
  /** The customer's exclusive deals and the priced cart: a preview; the server decides again when the order is placed. */
  deals?: PricingDeal[];
  lines?: PricedLine[];
}) {
  const [state, action] = useActionState(placeOrderAction, null);
  const values = state && !state.ok ? state.values : undefined;
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const [step, setStep] = useState(0);
  // On a phone the fields sit in steps: a refusal about the address or contact goes back to that
  // step (adjusted while rendering the new result, as React advises, not in an effect).
  const [seenErrors, setSeenErrors] = useState(errors);
  if (errors !== seenErrors) {
    setSeenErrors(errors);
    if (errors && Object.keys(errors).some((k) => ADDRESS_STEP_FIELDS.has(k))) setStep(0);
  }
  const [addressId, setAddressId] = useState<string>(saved[0] ? String(saved[0].id) : "new");
  const [postcode, setPostcode] = useState(values?.postcode ?? "");
  const [country, setCountry] = useState(values?.country ?? "GB");
  const dest = addressId === "new" ? { postcode, country } : (saved.find((a) => String(a.id) === addressId) ?? { postcode, country });
  const options = useMemo(() => deliveryOptions({ postcode: dest.postcode || "SW1A1AA", country: dest.country }, subtotalPence), [dest.postcode, dest.country, subtotalPence]);
  const [method, setMethod] = useState<Method | null>(null);
  const chosen = options.find((o) => o.method === method) ?? defaultOption(options, prefersEco);
  const applied = bestDeals(deals, { lines, shippingPence: chosen.pricePence, deliveryMethod: chosen.method });
  const discount = applied.reduce((n, d) => n + d.discountPence, 0);
  const total = subtotalPence + chosen.pricePence - discount;
  const section = (i: number) => `${step === i ? "block" : "hidden"} md:block rounded-lg border border-line bg-surface p-4`;

  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <input type="hidden" name="payment" value="cod" />
      <ol className="flex gap-2 text-sm md:hidden" aria-label="Checkout steps">
        {STEPS.map((s, i) => (
          <li
            key={s}
            aria-current={step === i ? "step" : undefined}
            className={`flex-1 rounded-full px-3 py-1 text-center ${step === i ? "bg-accent text-accent-ink" : "bg-sunken text-muted"}`}
          >
            {i + 1}. {s}
          </li>
        ))}
      </ol>
      <FormAlert state={state} />

      <fieldset className={section(0)}>
        <legend className="px-1 text-lg font-semibold">Delivery address</legend>
        {guest ? (
          <div className="mt-2 flex flex-col gap-2" data-testid="guest-contact">
            <p className="text-sm text-muted">
              Checking out as a guest.{" "}
              <a href="/sign-in?next=/checkout" className="text-accent underline">
                Sign in
              </a>{" "}
              to use your saved addresses.
            </p>
            <Field
              name="email"
              label="Email"
              type="email"
              autoComplete="email"
              inputMode="email"
              hint="For your confirmation and delivery updates"
              defaultValue={values?.email}
              errors={errors?.email}
            />
          </div>
        ) : null}
        {saved.length ? (
          <div className="mt-2 flex flex-col gap-2">
            {saved.map((a) => (
              <label key={a.id} className="tap flex items-start gap-3 rounded-md border border-line p-3">
                <input
                  type="radio"
                  name="addressId"
                  value={a.id}
                  checked={addressId === String(a.id)}
                  onChange={() => setAddressId(String(a.id))}
                  className="mt-1 h-5 w-5 accent-[var(--accent)]"
                />
                <span className="text-sm">
                  <strong>{a.label}</strong>: {a.name}, {a.line1}, {a.city} {a.postcode}
                </span>
              </label>
            ))}
            <label className="tap flex items-center gap-3 rounded-md border border-line p-3">
              <input type="radio" name="addressId" value="new" checked={addressId === "new"} onChange={() => setAddressId("new")} className="h-5 w-5 accent-[var(--accent)]" />
              <span className="text-sm">A new address</span>
            </label>
          </div>
        ) : (
          <input type="hidden" name="addressId" value="new" />
        )}
        {addressId === "new" ? (
          <div className="mt-3 grid gap-3 sm:grid-cols-2">
            <Field name="name" label="Full name" autoComplete="name" defaultValue={values?.name} errors={errors?.name} />
            <Field
              name="phone"
              label="Phone (for the courier)"
              type="tel"
              autoComplete="tel"
              inputMode="tel"
              required={guest}
              defaultValue={values?.phone}
              errors={errors?.phone}
            />
            <Field name="line1" label="Address" autoComplete="address-line1" defaultValue={values?.line1} errors={errors?.line1} />
            <Field name="line2" label="Flat, floor (optional)" autoComplete="address-line2" required={false} defaultValue={values?.line2} errors={errors?.line2} />
            <Field name="city" label="Town or city" autoComplete="address-level2" defaultValue={values?.city} errors={errors?.city} />
            <div className="flex flex-col gap-1">
              <label htmlFor="f-postcode" className="text-sm font-medium">
                Postcode
              </label>
              <input
                id="f-postcode"
                name="postcode"
                autoComplete="postal-code"
                required
                value={postcode}
                onChange={(e) => setPostcode(e.target.value)}
                aria-invalid={errors?.postcode ? true : undefined}
                aria-describedby={errors?.postcode ? "f-postcode-err" : undefined}
                className="tap rounded-md border border-line bg-surface px-3 text-base uppercase aria-[invalid]:border-danger"
              />
              {errors?.postcode ? (
                <p id="f-postcode-err" className="text-sm text-danger">
                  {errors.postcode.join(" ")}
                </p>
              ) : null}
            </div>
            <div className="flex flex-col gap-1">
              <label htmlFor="f-country" className="text-sm font-medium">
                Country
              </label>
              <select
                id="f-country"
                name="country"
                autoComplete="country"
                value={country}
                onChange={(e) => setCountry(e.target.value)}
                className="tap rounded-md border border-line bg-surface px-3 text-base"
              >
                {Object.entries(COUNTRIES).map(([code, name]) => (
                  <option key={code} value={code}>
                    {name}
                  </option>
                ))}
              </select>
            </div>
            {guest ? null : (
              <label className="tap flex items-center gap-3 text-sm sm:col-span-2">
                <input type="checkbox" name="saveAddress" defaultChecked className="h-5 w-5 accent-[var(--accent)]" /> Save this address for next time
              </label>
            )}
          </div>
        ) : null}
        <button type="button" onClick={() => setStep(1)} className="tap mt-4 w-full rounded-full bg-ink px-6 text-sm font-semibold text-canvas md:hidden">
          Continue to delivery
        </button>
      </fieldset>

      <fieldset className={section(1)}>
        <legend className="px-1 text-lg font-semibold">Delivery</legend>
        <div className="mt-2 flex flex-col gap-2">
          {options.map((o) => (
            <label
              key={o.method}
              className={`tap flex items-start gap-3 rounded-md border p-3 ${chosen.method === o.method ? "border-accent" : "border-line"}`}
              data-testid={`delivery-${o.method}`}
            >
              <input
                type="radio"
                name="method"
                value={o.method}
                checked={chosen.method === o.method}
                onChange={() => setMethod(o.method)}
                className="mt-1 h-5 w-5 accent-[var(--accent)]"
              />
              <span className="flex-1 text-sm">
                <span className="flex flex-wrap items-center gap-2 font-semibold">
                  {o.label}
                  {o.eco ? (
                    <span className="inline-flex items-center gap-1 rounded-full bg-sunken px-2 py-0.5 text-xs font-semibold text-sage">
                      <LeafIcon className="h-4 w-4" /> Eco
                    </span>
                  ) : null}
                </span>
                <span className="block text-muted">{o.blurb}</span>
                <span className="block">
                  Arrives {day(o.promisedFrom)}
                  {o.promisedTo.toDateString() !== o.promisedFrom.toDateString() ? ` – ${day(o.promisedTo)}` : ""}
                </span>
                <span className="block text-muted">
                  About {formatCo2(o.co2Grams)} CO2 for {o.distanceKm} km
                </span>
              </span>
              <span className="font-semibold">{o.pricePence ? formatPrice(o.pricePence) : "Free"}</span>
            </label>
          ))}
        </div>
        {guest ? null : (
          <label className="tap mt-3 flex items-center gap-3 text-sm">
            <input type="checkbox" name="makeEcoDefault" defaultChecked={prefersEco} className="h-5 w-5 accent-[var(--accent)]" /> Choose eco delivery by default next time
          </label>
        )}
        <p className="mt-2 text-xs text-muted">CO2 estimates: distance × kg CO2e per km (diesel van 0.25, express 0.33, electric van 0.06, e-cargo bike 0.005).</p>
        <div className="mt-4 flex gap-3 md:hidden">
          <button type="button" onClick={() => setStep(0)} className="tap flex-1 rounded-full border border-line px-4 text-sm">
            Back
          </button>
          <button type="button" onClick={() => setStep(2)} className="tap flex-1 rounded-full bg-ink px-4 text-sm font-semibold text-canvas">
            Continue to review
          </button>
        </div>
      </fieldset>

      <fieldset className={section(2)}>
        <legend className="px-1 text-lg font-semibold">Payment and review</legend>
        <p className="mt-2 rounded-md border border-accent p-3 text-sm">
          <strong>Pay on delivery.</strong> Pay the courier by card or cash when your order arrives.
        </p>
        <dl className="mt-4 space-y-1 text-sm">
          <div className="flex justify-between">
            <dt>Items</dt>
            <dd>{formatPrice(subtotalPence)}</dd>
          </div>
          <div className="flex justify-between">
            <dt>Delivery ({chosen.label})</dt>
            <dd>{chosen.pricePence ? formatPrice(chosen.pricePence) : "Free"}</dd>
          </div>
          {discount ? (
            <div className="flex justify-between text-accent" data-testid="checkout-discount">
              <dt>{applied.map((d) => d.name).join(" + ")}</dt>
              <dd>−{formatPrice(discount)}</dd>
            </div>
          ) : null}
          <div className="flex justify-between text-base font-semibold">
            <dt>Total</dt>
            <dd data-testid="checkout-total">{formatPrice(total)}</dd>
          </div>
          <div className="flex justify-between text-muted">
            <dt>Includes VAT (20%)</dt>
            <dd>{formatPrice(Math.round((total * 0.2) / 1.2))}</dd>
          </div>
        </dl>
        <div className="mt-4">
          <SubmitButton pendingText="Placing your order…">Place order</SubmitButton>
        </div>
        <button type="button" onClick={() => setStep(1)} className="tap mt-2 w-full rounded-full border border-line px-4 text-sm md:hidden">
          Back
        </button>
      </fieldset>
    </form>
  );
}
