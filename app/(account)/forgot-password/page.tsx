import type { Metadata } from "next";
import { ForgotPasswordForm } from "@/components/account/forgot-password-form";

export const metadata: Metadata = { title: "Reset your password", robots: { index: false } };

export default function ForgotPasswordPage() {
  return (
    <section className="mx-auto max-w-sm py-6">
      <h1 className="text-2xl font-semibold">Reset your password</h1>
      <p className="mt-1 text-sm text-muted">We’ll email you a link to choose a new one.</p>
      <div className="mt-6">
        <ForgotPasswordForm />
      </div>
    </section>
  );
}
