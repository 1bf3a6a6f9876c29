import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** The layering rules of ARCHITECTURE.md, checked on every file so a violation fails the build. */
const root = path.resolve(__dirname, "..");

function files(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|tsx)$/.test(e.name)) out.push(p);
    }
  };
  walk(path.join(root, dir));
  return out;
}

const importsOf = (file: string) => [...fs.readFileSync(file, "utf8").matchAll(/^\s*(?:import|export)[^"']*?from\s+["']([^"']+)["']/gm)].map((m) => m[1]!);

function violations(dir: string, forbidden: RegExp): string[] {
  return files(dir).flatMap((f) =>
    importsOf(f)
      .filter((i) => forbidden.test(i))
      .map((i) => `${path.relative(root, f)} imports ${i}`),
  );
}

describe("layering", () => {
  it("components never touch the database or the schema", () => {
    expect(violations("components", /^@\/(db|lib\/db)(\/|$)|drizzle-orm/)).toEqual([]);
  });

  it("lib never imports from app/ or components/", () => {
    expect(violations("lib", /^@\/(app|components)(\/|$)/)).toEqual([]);
  });

  it("the schema knows nothing above it", () => {
    expect(violations("db", /^@\/(app|components|lib)(\/|$)/)).toEqual([]);
  });

  it("pages read through lib/<area>/queries, not the database directly", () => {
    expect(violations("app", /^@\/(db|lib\/db)(\/|$)|drizzle-orm/)).toEqual([]);
  });

  it("reads are never in a 'use server' file (that would make them public endpoints)", () => {
    const bad = files("lib").filter((f) => /queries\.ts$/.test(f) && /^\s*["']use server["']/m.test(fs.readFileSync(f, "utf8")));
    expect(bad).toEqual([]);
  });
});
