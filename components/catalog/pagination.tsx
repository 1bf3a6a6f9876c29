import Link from "next/link";

/** Numbered pages with real URLs (crawlable, shareable, back-button friendly). */
export function Pagination({ page, pageCount, href }: { page: number; pageCount: number; href: (page: number) => string }) {
  if (pageCount <= 1) return null;
  const pages = [...new Set([1, page - 1, page, page + 1, pageCount])].filter((p) => p >= 1 && p <= pageCount).sort((a, b) => a - b);
  const cls = "tap inline-flex items-center justify-center rounded-full px-3 text-sm";
  return (
    <nav aria-label="Pagination" className="mt-10 flex flex-wrap items-center justify-center gap-1">
      {page > 1 ? (
        <Link rel="prev" href={href(page - 1)} className={`${cls} border border-line`}>
          Previous
        </Link>
      ) : null}
      {pages.map((p, i) => (
        <span key={p} className="flex items-center gap-1">
          {i > 0 && p - pages[i - 1]! > 1 ? (
            <span aria-hidden="true" className="px-1 text-muted">
              …
            </span>
          ) : null}
          {p === page ? (
            <span aria-current="page" className={`${cls} bg-ink font-semibold text-canvas`}>
              {p}
            </span>
          ) : (
            <Link href={href(p)} className={`${cls} hover:bg-sunken`} aria-label={`Page ${p}`}>
              {p}
            </Link>
          )}
        </span>
      ))}
      {page < pageCount ? (
        <Link rel="next" href={href(page + 1)} className={`${cls} border border-line`}>
          Next
        </Link>
      ) : null}
    </nav>
  );
}
