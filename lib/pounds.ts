import { z } from "zod";

/** Money typed as pounds ("12.50") → pence: no sign, at most two decimals (the admin forms and the CSV import). */
export const poundsInput = (label: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,6}(\.\d{1,2})?$/, `${label}: enter an amount like 12.50 (no minus sign)`)
    .transform((v) => Math.round(Number(v) * 100));
