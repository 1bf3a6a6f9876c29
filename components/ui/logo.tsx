import Link from "next/link";

export function Logo() {
  return (
    <Link href="/" className="tap inline-flex items-center gap-2 rounded-md font-display text-xl font-semibold text-ink">
      <svg viewBox="0 0 32 32" className="h-7 w-7" aria-hidden="true">
        <path d="M4 15 16 5l12 10v12H4Z" fill="var(--accent)" />
        <path d="M16 25c-3 0-5-2-5-4.5 0-3 3-4 3-7 2 1 3 2.5 3 4 1-1 1.5-2 1.5-3 2 1.5 2.5 3.5 2.5 5.5 0 3-2 5-5 5Z" fill="#ffd66b" />
      </svg>
      <span>Hearth</span>
    </Link>
  );
}
