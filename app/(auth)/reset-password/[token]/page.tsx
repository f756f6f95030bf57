import type { Metadata } from "next";
import Link from "next/link";
import { Alert, Card, CardBody } from "@/components/ui";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { checkPasswordResetToken } from "@/lib/services/users/reset-password";
import { resetPasswordAction } from "./actions";

export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

// Opening the link only checks it; the token is spent when the new password is submitted (mail scanners
// that follow links must not use it up).
export default async function ResetPasswordPage({ params }: PageProps<"/reset-password/[token]">) {
  const { token } = await params;
  const state = await checkPasswordResetToken({ token });
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Choose a new password</h1>
      <Card className="mt-6">
        <CardBody className="p-6">
          {state === "valid" ? (
            <ResetPasswordForm action={resetPasswordAction.bind(null, token)} />
          ) : (
            <Alert tone="danger" title={state === "expired" ? "This link has expired" : "This link is not valid any more"}>
              Reset links work once, for one hour.{" "}
              <Link href="/forgot-password" className="font-medium underline">
                Ask for a new link
              </Link>
            </Alert>
          )}
        </CardBody>
      </Card>
    </>
  );
}
