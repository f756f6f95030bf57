import Link from "next/link";
import type { ReactNode } from "react";
import { ButtonLink, Logo } from "@/components/ui";

/** Header, main landmark and footer of the public pages (directory, self-audit). */
export function PublicFrame({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col bg-white">
      <header className="border-b border-slate-200">
        <div className="mx-auto flex min-h-16 max-w-6xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-2 sm:px-6">
          <Link href="/" className="rounded-md" aria-label="Plumb home">
            <Logo />
          </Link>
          <nav aria-label="Public" className="flex flex-wrap items-center gap-1 text-sm">
            <Link href="/directory" className="rounded-md px-3 py-2 font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900">
              Directory
            </Link>
            <Link href="/audit" className="rounded-md px-3 py-2 font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900">
              Free self-audit
            </Link>
            <ButtonLink href="/sign-in" variant="ghost" size="sm">
              Sign in
            </ButtonLink>
          </nav>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-10 sm:px-6">
        {children}
      </main>
      <footer className="border-t border-slate-200">
        <p className="mx-auto max-w-6xl px-4 py-6 text-sm text-slate-600 sm:px-6">Plumb — open-source website audits across seven pillars.</p>
      </footer>
    </div>
  );
}
