"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Popover } from "@/components/ui";
import { markNotificationsReadAction } from "@/app/o/[orgSlug]/tasks/actions";

export interface BellItem {
  id: string;
  title: string;
  body: string | null;
  href: string;
  read: boolean;
  at: string;
}

/** The header bell: unread count, the latest notifications, "mark all read". Text is rendered as text. */
export function NotificationBell({ orgSlug, unread, items }: { orgSlug: string; unread: number; items: BellItem[] }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const label = unread > 0 ? `Notifications, ${unread} unread` : "Notifications";
  const markAll = () =>
    startTransition(async () => {
      await markNotificationsReadAction(orgSlug, undefined);
      router.refresh();
    });
  return (
    <Popover
      align="end"
      triggerLabel={label}
      triggerClassName="relative inline-flex size-9 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100"
      panelClassName="w-[min(22rem,calc(100vw-1.5rem))] p-0"
      trigger={
        <>
          <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} className="size-5">
            <path d="M6 8a6 6 0 1 1 12 0c0 7 3 8 3 8H3s3-1 3-8" />
            <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
          </svg>
          {unread > 0 ? (
            <span data-testid="unread-count" className="absolute -top-0.5 -right-0.5 min-w-5 rounded-full bg-red-600 px-1 text-center text-[11px] leading-5 font-semibold text-white">
              {unread > 99 ? "99+" : unread}
            </span>
          ) : null}
        </>
      }
    >
      <div className="flex items-center justify-between border-b border-slate-200 px-3 py-2">
        <p className="text-sm font-semibold text-slate-900">Notifications</p>
        {unread > 0 ? (
          <button type="button" onClick={markAll} disabled={pending} className="text-xs font-medium text-brand-700 underline-offset-2 hover:underline">
            Mark all read
          </button>
        ) : null}
      </div>
      {items.length === 0 ? (
        <p className="px-3 py-4 text-sm text-slate-600">Nothing yet. Assignments, mentions and due dates show up here.</p>
      ) : (
        <ul className="max-h-96 overflow-y-auto">
          {items.map((n) => (
            <li key={n.id} className="border-b border-slate-100 last:border-b-0">
              <Link
                href={n.href}
                onClick={() => {
                  if (!n.read) void markNotificationsReadAction(orgSlug, [n.id]);
                }}
                className={`block px-3 py-2 text-sm hover:bg-slate-50 ${n.read ? "text-slate-600" : "font-medium text-slate-900"}`}
              >
                <span className="block break-words">{n.title}</span>
                {n.body ? <span className="mt-0.5 block truncate text-xs font-normal text-slate-600">{n.body}</span> : null}
                <span className="mt-0.5 block text-xs font-normal text-slate-500">{n.at}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Popover>
  );
}
