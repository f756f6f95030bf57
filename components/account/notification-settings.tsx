"use client";

import { useId, useState, useTransition } from "react";
import { setEmailNotificationsAction } from "@/app/account/notification-actions";

/** One switch: e-mail copies of notifications (assignments, mentions, due dates). In-app ones always stay. */
export function NotificationSettings({ email }: { email: boolean }) {
  const [on, setOn] = useState(email);
  const [message, setMessage] = useState("");
  const [pending, startTransition] = useTransition();
  const idFor = useId();
  return (
    <div className="text-sm">
      <label htmlFor={idFor} className="flex items-start gap-3">
        <input
          id={idFor}
          type="checkbox"
          className="mt-0.5 size-4"
          checked={on}
          disabled={pending}
          onChange={(e) => {
            const next = e.target.checked;
            setOn(next);
            startTransition(async () => {
              const r = await setEmailNotificationsAction(next);
              setMessage(r.ok ? (r.data.email ? "E-mail notifications are on." : "E-mail notifications are off.") : r.error);
            });
          }}
        />
        <span>
          <span className="font-medium text-slate-900">E-mail me about my tasks and mentions</span>
          <span className="block text-slate-600">A task assigned to you, a comment that @mentions you, and a task of yours due within a day or overdue. They always appear under the bell in the dashboard.</span>
        </span>
      </label>
      <p role="status" className="mt-2 text-green-800">
        {message}
      </p>
    </div>
  );
}
