import { ButtonLink, Logo } from "@/components/ui";

export default function NotFound() {
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-lg flex-col items-start justify-center px-4 py-16">
      <Logo />
      <p className="mt-10 text-sm font-semibold text-brand-700">404</p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight text-slate-900">Page not found</h1>
      <p className="mt-2 text-slate-700">
        This page does not exist, or it belongs to an organization you are not a member of.
      </p>
      <div className="mt-6 flex gap-3">
        <ButtonLink href="/o">Go to your dashboard</ButtonLink>
        <ButtonLink href="/" variant="secondary">
          Home
        </ButtonLink>
      </div>
    </main>
  );
}
