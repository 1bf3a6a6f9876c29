// Types for the plain-ESM cache handler (Next loads it outside the TypeScript build).
export function closeSharedTags(): Promise<void>;
export default class SharedTagsCache {
  constructor(ctx: { fs?: unknown; flushToDisk?: boolean; serverDistDir: string; maxMemoryCacheSize?: number });
  bus: { connect(): Promise<unknown> } | null;
  set(key: string, data: unknown, ctx: { tags?: string[] }): Promise<void>;
  revalidateTag(tags: string | string[], durations?: { expire?: number }): Promise<void>;
}
