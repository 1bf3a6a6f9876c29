export * from "./cart";
export * from "./catalog";
export * from "./cdp";
export * from "./delivery";
export * from "./imports";
export * from "./orders";
export * from "./security";
export * from "./users";
