import { signOutAction } from "@/lib/auth/actions";

export function SignOutButton() {
  return (
    <form action={signOutAction}>
      <button type="submit" className="tap rounded-full border border-line px-5 text-sm font-medium">
        Sign out
      </button>
    </form>
  );
}
