import Link from "next/link";
import type { ReactNode } from "react";
import { Logo } from "@/components/ui";
import { requireUser } from "@/lib/auth/session";

export default async function AccountLayout({ children }: { children: ReactNode }) {
  const user = await requireUser("/account/security");
  return (
    <div className="min-h-screen bg-slate-50">
      <header className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 bg-white px-4 py-3 sm:px-8">
        <Link href="/o" className="inline-flex rounded-md" aria-label="Plumb dashboard">
          <Logo />
        </Link>
        <div className="flex min-w-0 items-center gap-4 text-sm">
          <span className="truncate text-slate-600">{user.email}</span>
          <Link href="/o" className="shrink-0 font-medium text-brand-700 underline-offset-2 hover:underline">
            Back to dashboard
          </Link>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-3xl px-4 py-8 sm:px-8">
        {children}
      </main>
    </div>
  );
}
