export const CACHE_TAGS_CHANNEL: string;
