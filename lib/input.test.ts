import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CONTROL_MESSAGE, textInput } from "./input";

describe("textInput", () => {
  const name = textInput({ max: 10, required: "Tell us your name" });
  const note = textInput({ max: 50, multiline: true });
  const issues = (r: { success: boolean; error?: { issues: { message: string }[] } }) => (r.success ? [] : r.error!.issues.map((i) => i.message));

  it("trims, normalises and caps", () => {
    expect(name.parse("  Zoë  ")).toBe("Zoë");
    expect(name.parse("Zoe\u0308")).toBe("Zoë"); // combining diaeresis → one code point
    expect(issues(name.safeParse("   "))).toEqual(["Tell us your name"]);
    expect(issues(name.safeParse("x".repeat(11)))).toEqual(["Use at most 10 characters"]);
  });

  it("refuses control characters and broken Unicode with a clear message; a note keeps its lines", () => {
    for (const bad of ["Ann\u0000", "A\u0007nn", "Ann\tSmith", "Ann\nSmith", "\ud800Ann"]) expect(issues(name.safeParse(bad))).toContain(CONTROL_MESSAGE);
    expect(note.parse("Leave it\nwith the neighbour\tplease")).toBe("Leave it\nwith the neighbour\tplease");
    expect(issues(note.safeParse("bad\u0000note"))).toContain(CONTROL_MESSAGE);
  });

  it("never throws and never lets a control character through (fast-check)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 60 }), (s) => {
        const r = note.safeParse(s);
        return !r.success || !/[\u0000-\u0008\u000b-\u001f\u007f]/.test(r.data);
      }),
      { numRuns: 3000 },
    );
  });
});
