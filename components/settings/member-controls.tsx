"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui";
import { changeMemberRoleAction, removeMemberAction, resendInvitationAction } from "@/app/o/[orgSlug]/settings/actions";
import type { MemberRole } from "@/generated/prisma/enums";
import { ConfirmDialog } from "./confirm-dialog";

const LABELS: Record<MemberRole, string> = { owner: "Owner", admin: "Admin", member: "Member", viewer: "Viewer" };

/** Role change and removal for one membership; `roles` is what the viewer may assign to it. */
export function MemberControls(props: {
  orgSlug: string;
  membershipId: string;
  email: string;
  role: MemberRole;
  pending: boolean;
  roles: MemberRole[];
  canRemove: boolean;
  /** The organization's only active owner: nothing may be changed. */
  lastOwner: boolean;
}) {
  const { orgSlug, membershipId, email, role, pending: invitation, roles, canRemove, lastOwner } = props;
  const [value, setValue] = useState<MemberRole>(role);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, startTransition] = useTransition();

  const save = () =>
    startTransition(async () => {
      setError(null);
      const r = await changeMemberRoleAction(orgSlug, { membershipId, role: value });
      if (!r.ok) setError(r.error);
    });
  const resend = () =>
    startTransition(async () => {
      setError(null);
      setNotice(null);
      const r = await resendInvitationAction(orgSlug, membershipId);
      if (r.ok) setNotice(`Sent a new invitation to ${r.data.email}. The previous link no longer works.`);
      else setError(r.error);
    });
  const remove = () =>
    startTransition(async () => {
      const r = await removeMemberAction(orgSlug, membershipId);
      if (r.ok) setConfirming(false);
      else {
        setConfirming(false);
        setError(r.error);
      }
    });

  return (
    <div className="flex flex-wrap items-center gap-2">
      {roles.length > 1 ? (
        <>
          <select
            aria-label={`Role for ${email}`}
            value={value}
            onChange={(e) => setValue(e.target.value as MemberRole)}
            className="h-8 rounded-md border border-slate-300 bg-white px-2 text-sm focus-visible:outline-2 focus-visible:outline-brand-600"
          >
            {roles.map((r) => (
              <option key={r} value={r}>
                {LABELS[r]}
              </option>
            ))}
          </select>
          <Button size="sm" variant="secondary" onClick={save} disabled={value === role || busy} aria-label={`Save role for ${email}`}>
            Save role
          </Button>
        </>
      ) : (
        <span className="text-sm text-slate-800">
          {LABELS[role]}
          {lastOwner ? <span className="block text-xs text-slate-600">The only owner: make someone else an owner first</span> : null}
        </span>
      )}
      {invitation && canRemove ? (
        <Button size="sm" variant="secondary" onClick={resend} disabled={busy} aria-label={`Resend invitation to ${email}`}>
          Resend
        </Button>
      ) : null}
      {canRemove ? (
        <Button size="sm" variant="ghost" onClick={() => setConfirming(true)} aria-label={invitation ? `Revoke invitation for ${email}` : `Remove ${email}`}>
          {invitation ? "Revoke" : "Remove"}
        </Button>
      ) : null}
      {notice ? (
        <p role="status" className="w-full text-xs font-medium text-green-800">
          {notice}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="w-full text-xs font-medium text-red-700">
          {error}
        </p>
      ) : null}
      <ConfirmDialog
        open={confirming}
        title={invitation ? `Revoke the invitation for ${email}?` : `Remove ${email}?`}
        confirmLabel={invitation ? "Revoke invitation" : "Remove member"}
        busy={busy}
        onConfirm={remove}
        onCancel={() => setConfirming(false)}
      >
        {invitation
          ? "The link in the invitation e-mail stops working at once."
          : "They lose access to this organization at once. Findings assigned to them stay assigned until someone changes them."}
      </ConfirmDialog>
    </div>
  );
}
