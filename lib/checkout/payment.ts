/**
 * Payment providers behind a type the shop owns. The built-in one is pay on delivery: nothing is
 * charged at checkout and the order is marked paid when the courier delivers it. Card providers
 * plug in here with their own adapter; none is faked.
 */
export type PaymentProvider = {
  id: string;
  label: string;
  description: string;
  /** Called inside the order transaction; returns the payment status to store. */
  start(order: { number: string; totalPence: number }): Promise<{ status: string }>;
};

export const payOnDelivery: PaymentProvider = {
  id: "cod",
  label: "Pay on delivery",
  description: "Pay the courier by card or cash when your order arrives.",
  async start() {
    return { status: "due_on_delivery" };
  },
};

export const PAYMENT_PROVIDERS: PaymentProvider[] = [payOnDelivery];

export function paymentProvider(id: string): PaymentProvider | undefined {
  return PAYMENT_PROVIDERS.find((p) => p.id === id);
}
