import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createStoreServer, normalizeAddress, trustProxyHops, vetForwarding } from "./forwarded.mjs";

const servers: http.Server[] = [];
afterEach(() => Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r)))));

/** A real server on a real socket whose handler answers with the headers it was given. */
async function echoServer(hops: number) {
  const server = createStoreServer((req: http.IncomingMessage, res: http.ServerResponse) => res.end(JSON.stringify(req.headers)), hops);
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  return (headers: Record<string, string>) =>
    new Promise<Record<string, string>>((resolve, reject) => {
      http
        .get({ host: "127.0.0.1", port, path: "/", headers }, (res) => {
          let body = "";
          res.on("data", (c) => (body += c));
          res.on("end", () => resolve(JSON.parse(body)));
        })
        .on("error", reject);
    });
}

describe("the store's server", () => {
  it("takes the socket's address, whatever the client claims, with no trusted proxy", async () => {
    const send = await echoServer(0);
    const seen = await send({ "x-forwarded-for": "203.0.113.7, 198.51.100.1", "x-real-ip": "203.0.113.8", "x-forwarded-proto": "https", "x-forwarded-host": "evil.example" });
    expect(seen["x-forwarded-for"]).toBe("127.0.0.1");
    expect(seen["x-real-ip"]).toBeUndefined();
    expect(seen["x-forwarded-proto"]).toBe("http");
    expect(seen["x-forwarded-host"]).toBeUndefined();
  });

  it("behind one trusted proxy takes the entry that proxy appended, and its proto and host", async () => {
    const send = await echoServer(1);
    // The client wrote "6.6.6.6"; the proxy appended the address it saw, 198.51.100.20.
    const seen = await send({ "x-forwarded-for": "6.6.6.6, 198.51.100.20", "x-forwarded-proto": "https", "x-forwarded-host": "shop.example" });
    expect(seen["x-forwarded-for"]).toBe("198.51.100.20");
    expect(seen["x-forwarded-proto"]).toBe("https");
    expect(seen["x-forwarded-host"]).toBe("shop.example");
  });
});

describe("vetForwarding", () => {
  const socket = { remoteAddress: "::ffff:10.0.0.2" };
  it("counts trusted hops from the right", () => {
    const headers = { "x-forwarded-for": "1.1.1.1, 2.2.2.2, 3.3.3.3" };
    expect(vetForwarding(headers, socket, 0).for).toBe("10.0.0.2");
    expect(vetForwarding(headers, socket, 1).for).toBe("3.3.3.3");
    expect(vetForwarding(headers, socket, 2).for).toBe("2.2.2.2");
    // More hops than entries: the left-most there is (a proxy chain shorter than configured).
    expect(vetForwarding(headers, socket, 9).for).toBe("1.1.1.1");
    expect(vetForwarding({}, socket, 1).for).toBe("10.0.0.2");
  });

  it("joins repeated headers and ignores empty entries", () => {
    expect(vetForwarding({ "x-forwarded-for": ["1.1.1.1", " , 2.2.2.2"] }, socket, 1).for).toBe("2.2.2.2");
  });

  it("takes only a plain scheme and a well-formed host from a trusted proxy", () => {
    expect(vetForwarding({ "x-forwarded-proto": "javascript" }, { ...socket, encrypted: true }, 1).proto).toBe("https");
    expect(vetForwarding({ "x-forwarded-host": "evil.example/path" }, socket, 1).host).toBeUndefined();
    expect(vetForwarding({ "x-forwarded-host": "a.example, shop.example:8443" }, socket, 1).host).toBe("shop.example:8443");
  });

  it("normalizes IPv4-mapped addresses", () => {
    expect(normalizeAddress("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(normalizeAddress("::1")).toBe("::1");
    expect(normalizeAddress(undefined)).toBe("unknown");
  });

  it("refuses a TRUST_PROXY_HOPS that is not a small whole number", () => {
    expect(trustProxyHops(undefined)).toBe(0);
    expect(trustProxyHops("2")).toBe(2);
    expect(() => trustProxyHops("-1")).toThrow(/TRUST_PROXY_HOPS/);
    expect(() => trustProxyHops("one")).toThrow(/TRUST_PROXY_HOPS/);
    expect(() => trustProxyHops("11")).toThrow(/TRUST_PROXY_HOPS/);
  });
});
