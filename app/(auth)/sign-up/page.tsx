import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Card, CardBody } from "@/components/ui";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { getSessionUser } from "@/lib/auth/session";
import { signUpAction } from "./actions";

export const metadata: Metadata = { title: "Create your account" };

export default async function SignUpPage() {
  if (await getSessionUser()) redirect("/o");
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Create your Plumb account</h1>
      <p className="mt-2 text-sm text-slate-600">
        Already have one?{" "}
        <Link href="/sign-in" className="font-medium text-brand-700 underline-offset-2 hover:underline">
          Sign in
        </Link>
      </p>
      <Card className="mt-6">
        <CardBody className="p-6">
          <SignUpForm action={signUpAction} />
        </CardBody>
      </Card>
      <p className="mt-4 text-center text-xs text-slate-600">
        You will be the owner of the new organization and can invite teammates later.
      </p>
    </>
  );
}
