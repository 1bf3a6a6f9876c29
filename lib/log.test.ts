import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, safeError } from "./log";

const hash = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA";

describe("log", () => {
  it("cuts a failed query's values (a password hash) out of an error's message and stack", () => {
    const err = new Error(`Failed query: insert into "users" ("email", "name", "password_hash") values ($1, $2, $3)\nparams: ann@example.com,Ann\u0000,${hash}`);
    const safe = JSON.stringify(safeError(Object.assign(err, { cause: new Error(`invalid byte sequence; ${hash}`) })));
    expect(safe).not.toContain("argon2");
    expect(safe).not.toContain("ann@example.com");
    expect(safe).toContain("params: [redacted]");
    expect(safe).toContain("Failed query: insert into");
  });

  it("redacts passwords, hashes, tokens and cookies by key, at any depth", () => {
    const lines: string[] = [];
    const logger = createLogger(new Writable({ write: (c, _e, done) => (lines.push(String(c)), done()) }));
    logger.error({ password: "hunter22", user: { passwordHash: hash, email: "a@b.c" }, req: { headers: { cookie: "authjs.session-token=abc" } }, token: "t0k" }, "oops");
    const out = lines.join("");
    for (const secret of ["hunter22", "argon2", "session-token", "t0k"]) expect(out).not.toContain(secret);
    expect(out).toContain("a@b.c");
  });
});
