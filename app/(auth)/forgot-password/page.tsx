import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardBody } from "@/components/ui";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { forgotPasswordAction } from "./actions";

export const metadata: Metadata = { title: "Forgot password" };

export default function ForgotPasswordPage() {
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Reset your password</h1>
      <p className="mt-2 text-sm text-slate-600">We will e-mail you a link to choose a new one. Resetting signs you out everywhere.</p>
      <Card className="mt-6">
        <CardBody className="p-6">
          <ForgotPasswordForm action={forgotPasswordAction} />
        </CardBody>
      </Card>
      <p className="mt-4 text-center text-sm">
        <Link href="/sign-in" className="font-medium text-brand-700 underline-offset-2 hover:underline">
          Back to sign in
        </Link>
      </p>
    </>
  );
}
