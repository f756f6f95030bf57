"use client";

import Link from "next/link";
import { useState } from "react";
import { signOut } from "next-auth/react";
import { Popover, SettingsIcon, SignOutIcon, Spinner } from "@/components/ui";
import { signOutEverywhereAction } from "@/app/account/security/actions";

function initials(name: string | null, email: string): string {
  const source = name?.trim() || email;
  const parts = source.split(/[\s@._-]+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "?") + (name && parts[1] ? parts[1][0] : "")).toUpperCase();
}

export function UserMenu({ name, email }: { name: string | null; email: string }) {
  const [signingOut, setSigningOut] = useState<"here" | "everywhere" | null>(null);
  return (
    <Popover
      align="end"
      triggerClassName="flex size-9 items-center justify-center rounded-full bg-brand-700 text-sm font-semibold text-white hover:bg-brand-800"
      trigger={
        <>
          <span aria-hidden="true">{initials(name, email)}</span>
          <span className="sr-only">Account menu</span>
        </>
      }
    >
      <div className="border-b border-slate-200 px-3 py-2">
        {name ? <p className="truncate text-sm font-medium text-slate-900">{name}</p> : null}
        <p className="truncate text-sm text-slate-600">{email}</p>
      </div>
      <Link
        href="/account/security"
        className="mt-1 flex w-full items-center gap-2 rounded-md px-3 py-2 text-left text-sm text-slate-800 hover:bg-slate-100"
      >
        <SettingsIcon className="size-4 text-slate-500" />
        Account security
      </Link>
      <button
        type="button"
        disabled={signingOut !== null}
        onClick={async () => {
          setSigningOut("here");
          // redirect:false + a full page load: next-auth's own redirect would use NEXTAUTH_URL, which may
          // not match the host the app is actually served on, and a reload drops any cached dashboard pages.
          // Signing out deletes this session's row on the server (lib/auth/options.ts), not just the cookie.
          await signOut({ redirect: false });
          window.location.assign("/sign-in");
        }}
        className="flex w-full items-center gap-2 rounded-md px-3 py-2 text-left text-sm text-slate-800 hover:bg-slate-100 disabled:opacity-60"
      >
        {signingOut === "here" ? <Spinner /> : <SignOutIcon className="size-4 text-slate-500" />}
        Sign out
      </button>
      {/* A link, not a button: "Sign out" stays the only button of that name. Without JavaScript it leads to the
          sessions list, where the same action is. */}
      <a
        href="/account/security#sessions"
        aria-disabled={signingOut !== null || undefined}
        onClick={async (e) => {
          e.preventDefault();
          if (signingOut) return;
          setSigningOut("everywhere");
          // Ends every session of this account (other browsers included), then clears this cookie.
          await signOutEverywhereAction().catch(() => undefined);
          await signOut({ redirect: false }).catch(() => undefined);
          window.location.assign("/sign-in");
        }}
        className="flex w-full items-center gap-2 rounded-md px-3 py-2 text-left text-sm text-slate-800 hover:bg-slate-100 aria-disabled:opacity-60"
      >
        {signingOut === "everywhere" ? <Spinner /> : <SignOutIcon className="size-4 text-slate-500" />}
        Sign out everywhere
      </a>
    </Popover>
  );
}
