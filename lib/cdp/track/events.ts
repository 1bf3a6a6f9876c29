/**
 * The event vocabulary: Segment's call types and the e-commerce spec's event names, and which
 * of them are "necessary" (a record of the customer's dealings with the shop, kept without
 * analytics consent) versus "analytics" (kept only with consent).
 */
export const EVENTS = {
  productViewed: "Product Viewed",
  productsSearched: "Products Searched",
  /** A recommendation rail was shown (the denominator of recommendation click-through). */
  productListViewed: "Product List Viewed",
  /** A product in a recommendation rail was clicked (the browser sends it: lib/cdp/track/events BROWSER_EVENTS). */
  productClicked: "Product Clicked",
  productAdded: "Product Added",
  productRemoved: "Product Removed",
  checkoutStarted: "Checkout Started",
  checkoutStepCompleted: "Checkout Step Completed",
  orderCompleted: "Order Completed",
  orderCancelled: "Order Cancelled",
  shipmentStatusChanged: "Shipment Status Changed",
  csatSubmitted: "CSAT Submitted",
  dealViewed: "Deal Viewed",
  dealRedeemed: "Deal Redeemed",
  couponApplied: "Coupon Applied",
  couponDenied: "Coupon Denied",
  couponRemoved: "Coupon Removed",
  orderRefunded: "Order Refunded",
  returnRequested: "Return Requested",
  returnApproved: "Return Approved",
  returnRefused: "Return Refused",
  returnReceived: "Return Received",
  signedUp: "Signed Up",
  signedIn: "Signed In",
  consentUpdated: "Consent Updated",
} as const;

export type EventName = (typeof EVENTS)[keyof typeof EVENTS];
/** The stored call types; `MessageType` adds what arrives and is stored as one of them (screen → page). */
export type EventType = "page" | "track" | "identify" | "alias" | "group";
export type MessageType = EventType | "screen";
export type EventCategory = "necessary" | "analytics";

const NECESSARY = new Set<string>([
  EVENTS.orderCompleted,
  EVENTS.orderCancelled,
  EVENTS.shipmentStatusChanged,
  EVENTS.csatSubmitted,
  EVENTS.dealRedeemed,
  EVENTS.orderRefunded,
  EVENTS.returnRequested,
  EVENTS.returnApproved,
  EVENTS.returnRefused,
  EVENTS.returnReceived,
  EVENTS.signedUp,
  EVENTS.consentUpdated,
]);

/** The store's events a browser (the page beacon, a source's SDK) may send: what only it can see. */
export const BROWSER_EVENTS = new Set<string>([EVENTS.productClicked]);

/**
 * The store's events only the server records: a browser cannot claim an order, a delivery or a
 * product view. Names outside EVENTS (a source's own events) are the sender's to use.
 */
export const SERVER_ONLY_EVENTS = new Set<string>(Object.values(EVENTS).filter((e) => !BROWSER_EVENTS.has(e)));

export function categoryOf(type: EventType, event?: string | null): EventCategory {
  return type === "track" && event && NECESSARY.has(event) ? "necessary" : "analytics";
}

/** Events that change a customer's profile numbers: their arrival refreshes the profile and segments. */
export const PROFILE_EVENTS = new Set<string>([
  EVENTS.orderCompleted,
  EVENTS.orderCancelled,
  EVENTS.shipmentStatusChanged,
  EVENTS.csatSubmitted,
  EVENTS.orderRefunded,
  EVENTS.signedUp,
  EVENTS.consentUpdated,
]);

/** An event ready to store (already attributed, consent-checked and categorised). */
export type StoredEvent = {
  messageId: string;
  type: EventType;
  event: string | null;
  category: EventCategory;
  anonymousId: string | null;
  userId: number | null;
  sourceId: number | null;
  deviceType: DeviceType | null;
  context: Record<string, unknown>;
  properties: Record<string, unknown>;
  timestamp: Date;
};

export type DeviceType = "mobile" | "tablet" | "desktop";
