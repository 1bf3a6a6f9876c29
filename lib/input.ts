import { z } from "zod";

// C0 controls and DEL; a textarea may keep tab and newline.
const CONTROL = /[\u0000-\u001f\u007f]/;
const CONTROL_EXCEPT_LINES = /[\u0000-\u0008\u000b-\u001f\u007f]/;
// Lone surrogates: PostgreSQL cannot store them in text or JSON.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const CONTROL_MESSAGE = "Use letters, numbers and punctuation only";

/**
 * The one schema for free text people type (names, address lines, notes, comments): trimmed,
 * Unicode-normalised (NFC), refused when it holds control characters (tab and newline allowed
 * where `multiline`) or broken Unicode, and capped. `required` gives the message when empty.
 */
export function textInput({ max, required, multiline = false }: { max: number; required?: string; multiline?: boolean }) {
  const base = z
    .string({ error: required ?? "Enter some text" })
    .max(max * 4, `Use at most ${max} characters`) // before normalising: bounds the work on huge input
    .transform((s) => s.normalize("NFC").trim())
    .refine((s) => !(multiline ? CONTROL_EXCEPT_LINES : CONTROL).test(s) && !LONE_SURROGATE.test(s), CONTROL_MESSAGE)
    .refine((s) => s.length <= max, `Use at most ${max} characters`);
  return required ? base.refine((s) => s.length > 0, required) : base;
}
