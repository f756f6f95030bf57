import Link from "next/link";
import type { ReactNode } from "react";
import { Logo } from "@/components/ui";
import { OrgSwitcher, type SwitcherOrganization } from "./org-switcher";
import { SideNav } from "./side-nav";
import { UserMenu } from "./user-menu";

export interface AppShellProps {
  user: { name: string | null; email: string };
  current: SwitcherOrganization;
  organizations: SwitcherOrganization[];
  /** Above the page content (e.g. the "verify your e-mail" banner). */
  banner?: ReactNode;
  /** Beside the account menu (the notification bell). */
  headerExtra?: ReactNode;
  children: ReactNode;
}

/** The authenticated frame: top bar (logo, organization switcher, account), section navigation, main. */
export function AppShell({ user, current, organizations, banner, headerExtra, children }: AppShellProps) {
  return (
    <div className="flex min-h-screen flex-col">
      <header className="sticky top-0 z-30 border-b border-slate-200 bg-white">
        <div className="flex h-14 items-center gap-2 px-3 sm:px-4">
          <Link href={`/o/${current.slug}`} className="flex shrink-0 rounded-md" aria-label="Plumb — organization overview">
            <span className="sm:hidden">
              <Logo compact />
            </span>
            <span className="hidden sm:block">
              <Logo />
            </span>
          </Link>
          <span aria-hidden="true" className="px-1 text-slate-300">
            /
          </span>
          <OrgSwitcher current={current} organizations={organizations} />
          <div className="ml-auto flex items-center gap-1">
            {headerExtra}
            <UserMenu name={user.name} email={user.email} />
          </div>
        </div>
      </header>
      <div className="flex flex-1 flex-col md:flex-row">
        <SideNav orgSlug={current.slug} />
        <main id="main" className="min-w-0 flex-1 px-4 py-6 sm:px-6 md:px-8 md:py-8">
          <div className="mx-auto max-w-6xl">
            {banner}
            {children}
          </div>
        </main>
      </div>
    </div>
  );
}
