"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui";

const TABS = [
  { label: "General", segment: "" },
  { label: "API keys", segment: "/api-keys" },
  { label: "Members", segment: "/members" },
  { label: "Credits", segment: "/credits" },
  { label: "Branding", segment: "/branding" },
  { label: "Policies", segment: "/policies" },
  { label: "Alerts", segment: "/alerts" },
  { label: "Audit log", segment: "/audit" },
  { label: "Integrations", segment: "/integrations" },
  { label: "Mail", segment: "/mail" },
] as const;

/** Settings sub-navigation: links between pages (not an ARIA tablist), the current one marked. */
export function SettingsTabs({ orgSlug, isOwner = false, canReadAudit = false }: { orgSlug: string; isOwner?: boolean; canReadAudit?: boolean }) {
  const pathname = usePathname();
  const base = `/o/${orgSlug}/settings`;
  return (
    <nav aria-label="Settings sections" className="-mx-4 mb-6 overflow-x-auto border-b border-slate-200 px-4 sm:mx-0 sm:px-0">
      <ul className="flex min-w-max gap-1">
        {TABS.filter((t) => (t.segment !== "/mail" || isOwner) && (t.segment !== "/audit" || canReadAudit)).map((t) => {
          const href = `${base}${t.segment}`;
          const current = pathname === href;
          return (
            <li key={t.label}>
              <Link
                href={href}
                aria-current={current ? "page" : undefined}
                className={cn(
                  "-mb-px inline-block border-b-2 px-3 py-2 text-sm font-medium",
                  current ? "border-brand-700 text-brand-800" : "border-transparent text-slate-700 hover:border-slate-300 hover:text-slate-900",
                )}
              >
                {t.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
