import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Card, CardBody } from "@/components/ui";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { getSessionUser } from "@/lib/auth/session";
import { safeCallbackPath } from "@/lib/auth/redirect-target";
import { signUpAction } from "./actions";

export const metadata: Metadata = { title: "Create your account" };

export default async function SignUpPage({ searchParams }: PageProps<"/sign-up">) {
  const params = await searchParams;
  const callbackPath = typeof params.callbackUrl === "string" ? safeCallbackPath(params.callbackUrl, "") || undefined : undefined;
  if (await getSessionUser()) redirect(callbackPath ?? "/o");
  // Arriving from an invitation link: the account joins that organization, so it needs none of its own.
  const invite = callbackPath?.startsWith("/invite/") ?? false;
  const email = typeof params.email === "string" ? params.email.slice(0, 254) : undefined;
  const signInHref = callbackPath ? `/sign-in?callbackUrl=${encodeURIComponent(callbackPath)}` : "/sign-in";
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Create your Plumb account</h1>
      <p className="mt-2 text-sm text-slate-600">
        Already have one?{" "}
        <Link href={signInHref} className="font-medium text-brand-700 underline-offset-2 hover:underline">
          Sign in
        </Link>
      </p>
      <Card className="mt-6">
        <CardBody className="p-6">
          <SignUpForm action={signUpAction} defaultEmail={email} callbackPath={callbackPath} invite={invite} />
        </CardBody>
      </Card>
      <p className="mt-4 text-center text-xs text-slate-600">
        {invite
          ? "After signing in you can accept the invitation. You can create your own organization later."
          : "You will be the owner of the new organization and can invite teammates later."}
      </p>
    </>
  );
}
