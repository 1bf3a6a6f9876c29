export const CACHE_TAGS_CHANNEL: string;
export const CACHE_TAGS_HOOK: unique symbol;
export function cacheTagsNotice(from: string, tags: string[], durations?: { expire?: number } | null): string;
