import Link from "next/link";

const styles = {
  primary: "bg-accent text-accent-ink hover:opacity-90",
  secondary: "border border-line bg-surface text-ink hover:bg-sunken",
} as const;

export function ButtonLink({ href, children, variant = "primary" }: { href: string; children: React.ReactNode; variant?: keyof typeof styles }) {
  return (
    <Link href={href} className={`tap inline-flex items-center justify-center rounded-full px-5 text-sm font-semibold ${styles[variant]}`}>
      {children}
    </Link>
  );
}
