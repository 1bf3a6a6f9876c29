import type http from "node:http";

type NodeHeaders = Record<string, string | string[] | undefined>;
export function normalizeAddress(address: string | undefined): string;
export function vetForwarding(
  headers: NodeHeaders,
  socket: { remoteAddress?: string; encrypted?: boolean },
  hops: number,
): { for: string; proto: "http" | "https"; host: string | undefined };
export function applyForwarding(req: http.IncomingMessage, hops: number): void;
export function createStoreServer(handle: (req: http.IncomingMessage, res: http.ServerResponse) => unknown, hops: number): http.Server;
export function trustProxyHops(value: string | undefined): number;
