/** Order numbers: imported invoices ("536365", refunds "C536379") and web orders ("H100001"). */
export const ORDER_NUMBER = /^[A-Z]?\d{5,8}$/;
