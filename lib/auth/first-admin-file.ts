import fs from "node:fs";
import path from "node:path";

/**
 * The first admin's generated password, kept beside the data (mode 0600) until that admin signs
 * in, so a first start that fails after printing it loses nothing: every start shows it again.
 */
export const firstAdminFile = () => path.join(process.cwd(), "data", "first-admin.json");

export function writeFirstAdminFile(creds: { email: string; password: string }): void {
  fs.mkdirSync(path.dirname(firstAdminFile()), { recursive: true });
  fs.writeFileSync(firstAdminFile(), JSON.stringify(creds), { mode: 0o600 });
}

export function readFirstAdminFile(): { email: string; password: string } | null {
  try {
    const v = JSON.parse(fs.readFileSync(firstAdminFile(), "utf8")) as { email?: unknown; password?: unknown };
    return typeof v.email === "string" && typeof v.password === "string" ? { email: v.email, password: v.password } : null;
  } catch {
    return null;
  }
}

export function removeFirstAdminFile(): void {
  fs.rmSync(firstAdminFile(), { force: true });
}
