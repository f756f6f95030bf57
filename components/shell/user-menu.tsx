"use client";

import { useState } from "react";
import { signOut } from "next-auth/react";
import { Popover, SignOutIcon, Spinner } from "@/components/ui";

function initials(name: string | null, email: string): string {
  const source = name?.trim() || email;
  const parts = source.split(/[\s@._-]+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "?") + (name && parts[1] ? parts[1][0] : "")).toUpperCase();
}

export function UserMenu({ name, email }: { name: string | null; email: string }) {
  const [signingOut, setSigningOut] = useState(false);
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
      <button
        type="button"
        disabled={signingOut}
        onClick={async () => {
          setSigningOut(true);
          // redirect:false + a full page load: next-auth's own redirect would use NEXTAUTH_URL, which may
          // not match the host the app is actually served on, and a reload drops any cached dashboard pages.
          await signOut({ redirect: false });
          window.location.assign("/sign-in");
        }}
        className="mt-1 flex w-full items-center gap-2 rounded-md px-3 py-2 text-left text-sm text-slate-800 hover:bg-slate-100 disabled:opacity-60"
      >
        {signingOut ? <Spinner /> : <SignOutIcon className="size-4 text-slate-500" />}
        Sign out
      </button>
    </Popover>
  );
}
