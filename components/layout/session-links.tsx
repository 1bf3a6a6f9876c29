"use client";

import Link from "next/link";
import { BagIcon, UserIcon } from "@/components/ui/icons";

/**
 * The header's two session-dependent links. Each renders first without the session (`null`: the
 * shell's skeleton, same size and place) and again once the request's session has streamed in.
 */
export function AccountLink({ signedIn }: { signedIn: boolean | null }) {
  return (
    <Link
      href={signedIn === false ? "/sign-in" : "/account"}
      className="tap hidden items-center justify-center rounded-full text-ink md:inline-flex"
      aria-label={signedIn === false ? "Sign in" : "Your account"}
    >
      <UserIcon className="h-6 w-6" />
    </Link>
  );
}

export function CartLink({ count }: { count: number | null }) {
  return (
    <Link
      href="/cart"
      className="tap relative inline-flex items-center justify-center rounded-full text-ink"
      aria-label={count === null ? "Cart" : `Cart, ${count} item${count === 1 ? "" : "s"}`}
    >
      <BagIcon className="h-6 w-6" />
      {/* Always there, so the count's arrival shifts nothing; only the real count carries the test id. */}
      <span
        data-testid={count === null ? undefined : "cart-count"}
        aria-hidden="true"
        className="absolute right-0.5 top-0.5 min-w-5 rounded-full bg-accent px-1 text-center text-xs font-bold leading-5 text-accent-ink"
      >
        {count ?? ""}
      </span>
    </Link>
  );
}
