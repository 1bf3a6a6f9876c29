/** Why stock changed (labels for the forms and the history). */
export const STOCK_REASONS = { received: "Delivery received", count: "Stock count", damaged: "Damaged", returned: "Customer return", lost: "Lost", other: "Other" } as const;
export type StockReason = keyof typeof STOCK_REASONS;
