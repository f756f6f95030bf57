"use client";

import { useState, type FormEvent } from "react";
import { Alert, Button, ButtonLink, TextField } from "@/components/ui";
import { PILLAR_LABELS } from "@/components/status/pillars";
import { adviceFor, QUESTIONS, scoreAnswers, type Answer, type Question } from "./self-audit-questions";

type Result = { score: number; advice: Question[] };

const CHOICES: { value: Answer; label: string }[] = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
  { value: "unsure", label: "Not sure" },
];

/** The questionnaire: posts to POST /api/v1/audit-leads (rate limited per address), then shows score and advice. */
export function SelfAuditForm() {
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const answers: Record<string, Answer> = {};
    const missing: Record<string, string> = {};
    for (const q of QUESTIONS) {
      const a = form.get(q.id);
      if (a === "yes" || a === "no" || a === "unsure") answers[q.id] = a;
      else missing[q.id] = "Pick an answer.";
    }
    const email = String(form.get("email") ?? "").trim();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) missing.email = "Enter an email address, such as you@example.com.";
    setFieldErrors(missing);
    if (Object.keys(missing).length > 0) {
      setError("Some answers are missing; they are marked below.");
      return;
    }
    const hostname = String(form.get("hostname") ?? "").trim();
    const score = scoreAnswers(answers);
    setPending(true);
    setError(null);
    try {
      const res = await fetch("/api/v1/audit-leads", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ email, ...(hostname ? { hostname } : {}), score, answers }),
      });
      if (res.status === 429) {
        setError("Too many self-audits from this address. Try again in an hour.");
      } else if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
        setError(body?.error?.message ?? "The answers could not be sent. Try again.");
      } else {
        setResult({ score, advice: adviceFor(answers) });
      }
    } catch {
      setError("The answers could not be sent: check your connection and try again.");
    } finally {
      setPending(false);
    }
  }

  if (result) {
    return (
      <section aria-labelledby="result-heading" className="space-y-6">
        <div role="status" className="rounded-lg border border-slate-200 bg-slate-50 p-6">
          <h2 id="result-heading" className="text-lg font-semibold text-slate-900">
            Your self-audit score
          </h2>
          <p className="mt-2 text-5xl font-semibold text-slate-900 tabular-nums">
            {result.score}
            <span className="text-xl font-normal text-slate-600"> / 100</span>
          </p>
          <p className="mt-2 text-sm text-slate-600">Based on your answers only. A Plumb scan checks the real site, page by page.</p>
        </div>
        {result.advice.length > 0 ? (
          <div>
            <h3 className="text-base font-semibold text-slate-900">What to do next</h3>
            <ol className="mt-3 space-y-3">
              {result.advice.map((q) => (
                <li key={q.id} className="rounded-md border border-slate-200 p-4">
                  <p className="text-xs font-medium tracking-wide text-slate-600 uppercase">{PILLAR_LABELS[q.pillar]}</p>
                  <p className="mt-1 text-sm text-slate-900">{q.advice}</p>
                </li>
              ))}
            </ol>
          </div>
        ) : (
          <p className="text-sm text-slate-700">Every answer was yes. A real scan will tell whether the site agrees.</p>
        )}
        <ButtonLink href="/sign-up">Scan your site for free</ButtonLink>
      </section>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-8">
      {error ? <Alert tone="danger">{error}</Alert> : null}
      <ol className="space-y-6">
        {QUESTIONS.map((q, i) => (
          <li key={q.id}>
            <fieldset aria-describedby={fieldErrors[q.id] ? `${q.id}-error` : undefined}>
              <legend className="text-sm font-medium text-slate-900">
                {i + 1}. {q.text}
              </legend>
              <div className="mt-2 flex flex-wrap gap-2">
                {CHOICES.map((c) => (
                  <label key={c.value} className="flex items-center gap-2 rounded-md border border-slate-300 px-3 py-2 text-sm text-slate-800 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50">
                    <input type="radio" name={q.id} value={c.value} className="size-4 accent-brand-700" />
                    {c.label}
                  </label>
                ))}
              </div>
              {fieldErrors[q.id] ? (
                <p id={`${q.id}-error`} className="mt-1 text-sm font-medium text-red-700">
                  {fieldErrors[q.id]}
                </p>
              ) : null}
            </fieldset>
          </li>
        ))}
      </ol>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <TextField name="email" type="email" label="Email" autoComplete="email" required error={fieldErrors.email} hint="Stored with your answers." />
        <TextField name="hostname" label="Website" optional placeholder="example.com" inputMode="url" autoCapitalize="none" spellCheck={false} />
      </div>
      <Button type="submit" loading={pending}>
        See my score
      </Button>
    </form>
  );
}
