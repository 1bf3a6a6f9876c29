/** Text for a LIKE/ILIKE pattern, its wildcards (% and _) and the escape character taken literally. */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
