export * from "./catalog";
export * from "./imports";
export * from "./orders";
export * from "./users";
