// The PostgreSQL channel on which instances tell each other which cache tags expired (ADR 0007).
// Payload: {"from": <instance id>, "tags": [...], "durations": {...} | null}.
export const CACHE_TAGS_CHANNEL = "hearth_cache_tags";
