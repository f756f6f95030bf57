"use client";

import Link from "next/link";
import { CheckIcon, ChevronUpDownIcon, PlusIcon, Popover } from "@/components/ui";

export interface SwitcherOrganization {
  slug: string;
  name: string;
  role: string;
}

/** Shows the current organization and lets a member of several jump between them (URL: /o/[orgSlug]). */
export function OrgSwitcher({ current, organizations }: { current: SwitcherOrganization; organizations: SwitcherOrganization[] }) {
  return (
    <Popover
      triggerClassName="flex max-w-[11rem] items-center gap-2 rounded-md px-2 py-1.5 text-left text-sm font-medium text-slate-900 hover:bg-slate-100 sm:max-w-xs"
      trigger={
        <>
          <span aria-hidden="true" className="flex size-6 shrink-0 items-center justify-center rounded bg-slate-900 text-xs font-semibold text-white">
            {current.name.trim().charAt(0).toUpperCase() || "?"}
          </span>
          <span className="sr-only">Organization: </span>
          <span className="truncate">{current.name}</span>
          <span className="sr-only">(switch organization)</span>
          <ChevronUpDownIcon className="size-4 shrink-0 text-slate-500" />
        </>
      }
    >
      <p className="px-3 pt-2 pb-1 text-xs font-semibold tracking-wide text-slate-600 uppercase">Your organizations</p>
      <ul>
        {organizations.map((org) => {
          const isCurrent = org.slug === current.slug;
          return (
            <li key={org.slug}>
              <Link
                href={`/o/${org.slug}`}
                aria-current={isCurrent ? "page" : undefined}
                className="flex items-center justify-between gap-3 rounded-md px-3 py-2 text-sm text-slate-800 hover:bg-slate-100"
              >
                <span className="min-w-0">
                  <span className="block truncate font-medium">{org.name}</span>
                  <span className="block text-xs text-slate-600">{org.role}</span>
                </span>
                {isCurrent ? (
                  <>
                    <CheckIcon className="size-4 shrink-0 text-brand-700" />
                    <span className="sr-only">(current)</span>
                  </>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
      <div className="mt-1 border-t border-slate-200 pt-1">
        <Link
          href="/organizations/new"
          className="flex items-center gap-2 rounded-md px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100"
        >
          <PlusIcon className="size-4 text-slate-500" />
          New organization
        </Link>
      </div>
    </Popover>
  );
}
