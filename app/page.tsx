import Link from "next/link";
import type { ComponentType, SVGProps } from "react";
import {
  AccessibilityIcon,
  ArrowRightIcon,
  ButtonLink,
  CookieIcon,
  EyeIcon,
  GaugeIcon,
  LockIcon,
  Logo,
  SearchIcon,
  ShieldIcon,
} from "@/components/ui";
import { PILLARS } from "@/components/status/pillars";
import type { Pillar } from "@/generated/prisma/enums";

const PILLAR_ICONS: Record<Pillar, ComponentType<SVGProps<SVGSVGElement>>> = {
  accessibility: AccessibilityIcon,
  security: ShieldIcon,
  cookies: CookieIcon,
  trackers: EyeIcon,
  privacy: LockIcon,
  performance: GaugeIcon,
  seo: SearchIcon,
};

const STEPS = [
  { title: "Verify your domain", text: "Prove ownership with a meta tag, a DNS record or a file. Plumb only audits sites you control." },
  { title: "Scan it for real", text: "Plumb loads your pages in a real browser and records every request, cookie, header and script." },
  { title: "Fix what matters", text: "Findings are deduplicated, ranked by severity and come with concrete fixes. Re-scans catch regressions." },
];

export default function LandingPage() {
  return (
    <div className="flex min-h-screen flex-col bg-white">
      <header className="border-b border-slate-200">
        <div className="mx-auto flex h-16 max-w-6xl items-center justify-between gap-4 px-4 sm:px-6">
          <Link href="/" className="rounded-md" aria-label="Plumb home">
            <Logo />
          </Link>
          <nav aria-label="Account" className="flex items-center gap-2">
            <ButtonLink href="/sign-in" variant="ghost">
              Sign in
            </ButtonLink>
            <ButtonLink href="/sign-up">Sign up</ButtonLink>
          </nav>
        </div>
      </header>

      <main id="main" className="flex-1">
        <section className="bg-gradient-to-b from-brand-50 to-white">
          <div className="mx-auto max-w-6xl px-4 py-16 sm:px-6 sm:py-24">
            <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">Website audits, done properly</p>
            <h1 className="mt-3 max-w-3xl text-4xl font-semibold tracking-tight text-slate-900 sm:text-5xl">
              Know exactly what your website does — and fix what it shouldn&apos;t.
            </h1>
            <p className="mt-5 max-w-2xl text-lg text-slate-700">
              Plumb scans your site across seven pillars — accessibility, security, cookies, trackers, privacy,
              performance and SEO — and turns what it finds into a prioritised list of fixes your team can work through.
            </p>
            <div className="mt-8 flex flex-wrap gap-3">
              <ButtonLink href="/sign-up" size="lg">
                Create a free account
                <ArrowRightIcon className="size-5" />
              </ButtonLink>
              <ButtonLink href="/sign-in" size="lg" variant="secondary">
                Sign in
              </ButtonLink>
            </div>
          </div>
        </section>

        <section aria-labelledby="pillars-heading" className="mx-auto max-w-6xl px-4 py-16 sm:px-6">
          <h2 id="pillars-heading" className="text-2xl font-semibold tracking-tight text-slate-900">
            Seven pillars, one scan
          </h2>
          <p className="mt-2 max-w-2xl text-slate-700">
            Each pillar gets its own score; the overall grade is capped by the worst open problem, so a single critical
            issue is never averaged away.
          </p>
          <ul className="mt-8 grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
            {PILLARS.map((p) => {
              const Icon = PILLAR_ICONS[p.id];
              return (
                <li key={p.id} className="rounded-lg border border-slate-200 p-5">
                  <div className="flex size-10 items-center justify-center rounded-md bg-brand-50 text-brand-700">
                    <Icon className="size-5" />
                  </div>
                  <h3 className="mt-4 font-semibold text-slate-900">{p.label}</h3>
                  <p className="mt-1 text-sm text-slate-600">{p.summary}</p>
                </li>
              );
            })}
          </ul>
        </section>

        <section aria-labelledby="how-heading" className="border-t border-slate-200 bg-slate-50">
          <div className="mx-auto max-w-6xl px-4 py-16 sm:px-6">
            <h2 id="how-heading" className="text-2xl font-semibold tracking-tight text-slate-900">
              How it works
            </h2>
            <ol className="mt-8 grid grid-cols-1 gap-6 md:grid-cols-3">
              {STEPS.map((s, i) => (
                <li key={s.title} className="rounded-lg border border-slate-200 bg-white p-5">
                  <span className="text-sm font-semibold text-brand-700">Step {i + 1}</span>
                  <h3 className="mt-1 font-semibold text-slate-900">{s.title}</h3>
                  <p className="mt-1 text-sm text-slate-600">{s.text}</p>
                </li>
              ))}
            </ol>
            <div className="mt-10 flex flex-col items-start gap-4 rounded-lg bg-brand-800 px-6 py-8 text-white sm:flex-row sm:items-center">
              <div className="sm:flex-1">
                <p className="text-xl font-semibold">Start with your own site.</p>
                <p className="mt-1 text-brand-100">An account and your first organization take under a minute.</p>
              </div>
              <Link
                href="/sign-up"
                className="inline-flex h-12 items-center gap-2 rounded-md bg-white px-6 font-medium text-brand-800 hover:bg-brand-50 focus-visible:outline-white"
              >
                Sign up free
                <ArrowRightIcon className="size-5" />
              </Link>
            </div>
          </div>
        </section>
      </main>

      <footer className="border-t border-slate-200">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-6 text-sm text-slate-600 sm:px-6">
          <span>Plumb — open-source website audits.</span>
          <span>Self-host it or use it here.</span>
        </div>
      </footer>
    </div>
  );
}
