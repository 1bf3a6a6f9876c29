import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import type { Db } from "@/lib/db";
import { createTestDb, dropTestDb } from "@/lib/testing/db";
import { addAddress, listAddresses, removeAddress, setDefaultAddress } from "./addresses";

let db: Db;
let ann: number, bob: number;
const home = { label: "Home", name: "Ann", line1: "1 High St", line2: "", city: "London", postcode: "sw1a1aa", country: "GB" as const, phone: "" };

beforeAll(async () => {
  db = await createTestDb();
  [ann, bob] = (
    await db
      .insert(users)
      .values([{ email: "ann@example.com" }, { email: "bob@example.com" }])
      .returning({ id: users.id })
  ).map((u) => u.id) as [number, number];
});
afterAll(dropTestDb);

describe("address book", () => {
  it("adds addresses with a normalised postcode; the first is the default", async () => {
    const a = await addAddress(db, ann, home);
    const b = await addAddress(db, ann, { ...home, label: "Work", line1: "2 Low St", postcode: "E1 6AN" });
    const list = await listAddresses(db, ann);
    expect(list.map((x) => [x.id, x.postcode, x.isDefault])).toEqual([
      [a, "SW1A 1AA", true],
      [b, "E1 6AN", false],
    ]);
  });

  it("moves the default, and hands it on when the default is removed", async () => {
    const [first, second] = await listAddresses(db, ann);
    await setDefaultAddress(db, ann, second!.id);
    expect((await listAddresses(db, ann)).find((x) => x.isDefault)?.id).toBe(second!.id);
    await removeAddress(db, ann, second!.id);
    expect((await listAddresses(db, ann)).map((x) => [x.id, x.isDefault])).toEqual([[first!.id, true]]);
  });

  it("refuses malformed addresses", async () => {
    await expect(addAddress(db, ann, { ...home, postcode: "12345" })).rejects.toThrow(/valid UK postcode/);
    await expect(addAddress(db, ann, { ...home, line1: "" })).rejects.toThrow(/first line/);
    await expect(addAddress(db, ann, { ...home, country: "XX" as never })).rejects.toThrow(/country/);
  });

  it("never touches another customer's address", async () => {
    const [mine] = await listAddresses(db, ann);
    await expect(removeAddress(db, bob, mine!.id)).rejects.toThrow("Address not found.");
    await expect(setDefaultAddress(db, bob, mine!.id)).rejects.toThrow("Address not found.");
    expect(await listAddresses(db, ann)).toHaveLength(1);
  });
});
