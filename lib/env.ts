/** A positive number from the environment, or `fallback` when it is unset or not a positive number. */
export function positiveEnv(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
}
