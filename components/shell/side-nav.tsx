"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { CheckIcon, cn, FlagIcon, GlobeIcon, HomeIcon, ReportIcon, ScanIcon, SettingsIcon } from "@/components/ui";
import { NAV_ITEMS, orgPath, type NavIconName } from "./nav-items";

const ICONS: Record<NavIconName, typeof HomeIcon> = {
  home: HomeIcon,
  globe: GlobeIcon,
  scan: ScanIcon,
  flag: FlagIcon,
  check: CheckIcon,
  report: ReportIcon,
  settings: SettingsIcon,
};

/**
 * The organization's sections: a sidebar from `md` up; on phones a row of seven tabs, icon over label, so
 * that every section is in sight without scrolling sideways.
 */
export function SideNav({ orgSlug }: { orgSlug: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Organization" className="border-b border-slate-200 bg-white md:w-60 md:shrink-0 md:border-r md:border-b-0">
      <ul className="grid grid-cols-7 gap-0.5 px-1 py-1.5 md:sticky md:top-0 md:flex md:flex-col md:gap-1 md:px-3 md:py-4">
        {NAV_ITEMS.map((item) => {
          const href = orgPath(orgSlug, item.segment);
          const active = item.segment === "" ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
          const Icon = ICONS[item.icon];
          return (
            <li key={item.label} className="min-w-0">
              <Link
                href={href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "flex flex-col items-center gap-0.5 rounded-md px-0.5 py-1.5 text-[11px] font-medium whitespace-nowrap md:flex-row md:gap-3 md:px-3 md:py-2 md:text-sm",
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
