"use client";

import { useState, useTransition, type FormEvent } from "react";
import { Alert, Button, SelectField, TextField } from "@/components/ui";
import { inviteMemberAction } from "@/app/o/[orgSlug]/settings/actions";

const ROLE_HINTS = {
  viewer: "Viewer: sees everything, changes nothing",
  member: "Member: scans and triages findings",
  admin: "Admin: also manages members and API keys",
  owner: "Owner: everything, including other owners",
} as const;

export function InviteMemberForm({ orgSlug, canInviteOwners, mailDelivered }: { orgSlug: string; canInviteOwners: boolean; mailDelivered: boolean }) {
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<keyof typeof ROLE_HINTS>("member");
  const [result, setResult] = useState<{ tone: "success" | "danger"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    startTransition(async () => {
      const r = await inviteMemberAction(orgSlug, { email, role });
      if (r.ok) {
        setResult({ tone: "success", text: `Invited ${r.data.email}. We e-mailed them a link to join; it works once, for 7 days.` });
        setEmail("");
      } else setResult({ tone: "danger", text: r.error });
    });
  };
  const roles = (Object.keys(ROLE_HINTS) as (keyof typeof ROLE_HINTS)[]).filter((r) => r !== "owner" || canInviteOwners);
  return (
    <form onSubmit={onSubmit} aria-label="Invite a member" className="space-y-3">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <TextField label="Email address" type="email" name="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} required maxLength={254} />
        <SelectField label="Role" name="role" value={role} onChange={(e) => setRole(e.target.value as keyof typeof ROLE_HINTS)}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {ROLE_HINTS[r]}
            </option>
          ))}
        </SelectField>
      </div>
      <p className="text-sm text-slate-600">
        They get an e-mail with a link to accept, valid for 7 days; they accept while signed in with this address.
        {mailDelivered ? null : " No mail server is set up: owners find the invitation e-mail under Settings → Mail and pass the link on."}
      </p>
      {result ? <Alert tone={result.tone}>{result.text}</Alert> : null}
      <Button type="submit" loading={pending} disabled={!email.trim()}>
        Invite member
      </Button>
    </form>
  );
}
