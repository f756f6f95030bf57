import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardBody, Logo } from "@/components/ui";
import { NewOrganizationForm } from "@/components/auth/new-organization-form";
import { requireUser } from "@/lib/auth/session";
import { createOrganizationAction } from "./actions";

export const metadata: Metadata = { title: "New organization" };

export default async function NewOrganizationPage() {
  const user = await requireUser("/organizations/new");
  return (
    <div className="flex min-h-screen flex-col">
      <header className="px-4 py-5 sm:px-8">
        <Link href="/o" className="inline-flex rounded-md" aria-label="Plumb — your dashboard">
          <Logo />
        </Link>
      </header>
      <main id="main" className="flex flex-1 items-start justify-center px-4 pt-4 pb-16 sm:pt-10">
        <div className="w-full max-w-md">
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">New organization</h1>
          <p className="mt-2 text-sm text-slate-600">
            Organizations keep domains, scans, findings and API keys apart. You are signed in as {user.email}.
          </p>
          <Card className="mt-6">
            <CardBody className="p-6">
              <NewOrganizationForm action={createOrganizationAction} />
            </CardBody>
          </Card>
          <p className="mt-4 text-center text-sm">
            <Link href="/o" className="font-medium text-brand-700 underline-offset-2 hover:underline">
              Back to the dashboard
            </Link>
          </p>
        </div>
      </main>
    </div>
  );
}
