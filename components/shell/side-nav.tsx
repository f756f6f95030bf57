"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";
import { cn, FlagIcon, GlobeIcon, HomeIcon, ReportIcon, ScanIcon, SettingsIcon } from "@/components/ui";
import { NAV_ITEMS, orgPath, type NavIconName } from "./nav-items";

const ICONS: Record<NavIconName, typeof HomeIcon> = {
  home: HomeIcon,
  globe: GlobeIcon,
  scan: ScanIcon,
  flag: FlagIcon,
  report: ReportIcon,
  settings: SettingsIcon,
};

/** The organization's sections: a sidebar from `md` up, a horizontally scrolling tab row on phones. */
export function SideNav({ orgSlug }: { orgSlug: string }) {
  const pathname = usePathname();
  const activeRef = useRef<HTMLAnchorElement>(null);
  // On phones the row scrolls sideways: bring the current section into view (a no-op in the sidebar).
  useEffect(() => {
    activeRef.current?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [pathname]);
  return (
    <nav aria-label="Organization" className="border-b border-slate-200 bg-white md:w-60 md:shrink-0 md:border-r md:border-b-0">
      <ul className="flex gap-1 overflow-x-auto px-3 py-2 md:sticky md:top-0 md:flex-col md:overflow-visible md:px-3 md:py-4">
        {NAV_ITEMS.map((item) => {
          const href = orgPath(orgSlug, item.segment);
          const active = item.segment === "" ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
          const Icon = ICONS[item.icon];
          return (
            <li key={item.label} className="shrink-0">
              <Link
                href={href}
                ref={active ? activeRef : undefined}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap",
                  active ? "bg-brand-50 text-brand-800" : "text-slate-700 hover:bg-slate-100 hover:text-slate-900",
                )}
              >
                <Icon className={cn("size-5", active ? "text-brand-700" : "text-slate-500")} />
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
