import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ENV_NAMES, EnvError, parseEnv } from "./env";

const problems = (source: Record<string, string>) => {
  try {
    parseEnv(source);
  } catch (err) {
    if (err instanceof EnvError) return err.problems;
    throw err;
  }
  return [];
};

describe("environment", () => {
  it("gives the defaults for an empty environment, and treats empty strings as unset", () => {
    const e = parseEnv({ PORT: "", SMTP_URL: "" });
    expect(e.PORT).toBe(3000);
    expect(e.SMTP_URL).toBeUndefined();
    expect(e.ADMIN_EMAIL).toBe("admin@hearth.example");
    expect(e.RATE_LIMIT_SIGNIN_PER_IP).toBe(30);
    expect(e.HEARTH_JOBS).toBe("on");
  });

  it("names each bad variable and says what it must be", () => {
    expect(problems({ PORT: "eighty" })).toEqual(['PORT="eighty": must be a port number']);
    expect(problems({ PORT: "70000" })).toEqual(['PORT="70000": must be a port number (1–65535)']);
    expect(problems({ DATABASE_URL: "mysql://x@y/z" })).toEqual(['DATABASE_URL="mysql://x@y/z": must be a postgres:// URL']);
    expect(problems({ AUTH_SECRET: "short" })[0]).toMatch(/^AUTH_SECRET="short": must be at least 32 characters/);
    expect(problems({ SHOP_TIME_ZONE: "Mars/Olympus" })).toEqual(['SHOP_TIME_ZONE="Mars/Olympus": must be an IANA time zone such as Europe/London']);
    expect(problems({ RATE_LIMIT_SIGNIN_PER_IP: "-3" })).toEqual(['RATE_LIMIT_SIGNIN_PER_IP="-3": must be a whole number above 0']);
    expect(problems({ RECS_HOLDOUT_SHARE: "2" })).toEqual(['RECS_HOLDOUT_SHARE="2": must be between 0 and 1']);
    expect(problems({ HEARTH_JOBS: "maybe" })).toEqual(['HEARTH_JOBS="maybe": must be "on" or "off"']);
    expect(problems({ SMTP_URL: "mail.example" })).toEqual(['SMTP_URL="mail.example": must be an smtp:// or smtps:// URL']);
    expect(problems({ ADMIN_EMAIL: "not-an-email" })).toEqual(['ADMIN_EMAIL="not-an-email": must be an email address']);
  });

  it("reports every bad variable at once", () => {
    const all = problems({ PORT: "x", SITE_URL: "ftp://shop", CDP_AS_OF: "someday" });
    expect(all.map((p) => p.split("=")[0])).toEqual(["PORT", "SITE_URL", "CDP_AS_OF"]);
  });

  it("is listed whole in .env.example", () => {
    const example = fs.readFileSync(path.join(process.cwd(), ".env.example"), "utf8");
    const listed = [...example.matchAll(/^#? ?([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]);
    expect(new Set(listed)).toEqual(new Set(ENV_NAMES));
  });

  it("is read only through lib/env.ts in the app", () => {
    // Scripts, tests and the runtime probe in instrumentation.ts may read process.env directly.
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.tsx?$/.test(e.name) && !/\.test\.ts$/.test(e.name) && !p.startsWith(path.join("lib", "testing")) && p !== path.join("lib", "env.ts")) {
          if (/process\.env\.[A-Z]/.test(fs.readFileSync(p, "utf8"))) offenders.push(p);
        }
      }
    };
    for (const d of ["app", "lib", "components", "db"]) walk(d);
    expect(offenders).toEqual([]);
  });
});
