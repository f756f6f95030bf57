"use client";

import { useEffect, useState } from "react";
import { cn } from "@/components/ui";

type Check = (password: string, userInputs: string[]) => number;

// zxcvbn and its dictionaries weigh a few hundred kilobytes: load them on the first keystroke, not with the page.
let loading: Promise<Check> | undefined;
function loadChecker(): Promise<Check> {
  loading ??= Promise.all([import("@zxcvbn-ts/core"), import("@zxcvbn-ts/language-common")]).then(([core, common]) => {
    const factory = new core.ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });
    return (password, userInputs) => factory.check(password, userInputs).score;
  });
  return loading;
}

const LABELS = ["Very weak", "Weak", "Fair", "Good", "Strong"] as const;
const COLORS = ["bg-red-600", "bg-orange-500", "bg-amber-500", "bg-lime-600", "bg-green-700"] as const;

/**
 * A zxcvbn strength estimate under a new-password field. Advice only: the server's policy (length and the
 * common-password list) decides. `userInputs` (email, name) count as easy guesses.
 */
export function PasswordStrength({ password, userInputs = [], minLength = 10, id }: { password: string; userInputs?: string[]; minLength?: number; id?: string }) {
  const [score, setScore] = useState<number | null>(null);
  const inputsKey = userInputs.join("\u0000");

  useEffect(() => {
    let live = true;
    if (!password) {
      setScore(null);
      return;
    }
    void loadChecker().then((check) => {
      if (live) setScore(check(password.slice(0, 100), inputsKey ? inputsKey.split("\u0000") : []));
    });
    return () => {
      live = false;
    };
  }, [password, inputsKey]);

  const tooShort = password.length > 0 && password.length < minLength;
  const shown = score === null ? null : tooShort ? Math.min(score, 1) : score;
  const label = !password ? "" : tooShort ? `Too short (${password.length} of ${minLength} characters)` : shown === null ? "Checking…" : LABELS[shown];

  return (
    <div id={id} className="space-y-1" aria-live="polite">
      <div className="grid grid-cols-5 gap-1" aria-hidden="true">
        {LABELS.map((l, i) => (
          <span key={l} className={cn("h-1.5 rounded-full", shown !== null && password && i <= shown ? COLORS[shown] : "bg-slate-200")} />
        ))}
      </div>
      <p className="text-xs text-slate-700">{label ? <>Password strength: {label}</> : `Use ${minLength} or more characters; a few unrelated words work well.`}</p>
    </div>
  );
}
