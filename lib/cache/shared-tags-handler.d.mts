// Types for the plain-ESM cache handler (Next loads it outside the TypeScript build).
export function closeSharedTags(): Promise<void>;
export const RACE_WINDOW_MS: number;
export default class SharedTagsCache {
  constructor(ctx: { fs?: unknown; flushToDisk?: boolean; serverDistDir: string; maxMemoryCacheSize?: number; revalidatedTags?: string[] });
  bus: { connect(): Promise<unknown> } | null;
  get(key: string, ctx: { kind: string; tags?: string[]; softTags?: string[] }): Promise<{ lastModified: number; value: unknown } | null>;
  set(key: string, data: unknown, ctx: { tags?: string[]; fetchCache?: boolean }): Promise<void>;
  revalidateTag(tags: string | string[], durations?: { expire?: number }): Promise<void>;
}
