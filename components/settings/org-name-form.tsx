"use client";

import { useState, useTransition, type FormEvent } from "react";
import { Button, TextField } from "@/components/ui";
import { renameOrganizationAction } from "@/app/o/[orgSlug]/settings/actions";

export function OrgNameForm({ orgSlug, name }: { orgSlug: string; name: string }) {
  const [value, setValue] = useState(name);
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    startTransition(async () => {
      const r = await renameOrganizationAction(orgSlug, value);
      setMessage(r.ok ? { tone: "ok", text: "Organization name saved." } : { tone: "error", text: r.error });
    });
  };
  return (
    <form onSubmit={onSubmit} className="space-y-3">
      <TextField
        label="Organization name"
        name="name"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        required
        maxLength={100}
        hint="Shown in the dashboard and on reports. The address of these pages does not change."
        error={message?.tone === "error" ? message.text : undefined}
      />
      <div className="flex items-center gap-3">
        <Button type="submit" loading={pending} disabled={value.trim() === name || !value.trim()}>
          Save name
        </Button>
        <p role="status" className="text-sm text-green-800">
          {message?.tone === "ok" ? message.text : ""}
        </p>
      </div>
    </form>
  );
}
