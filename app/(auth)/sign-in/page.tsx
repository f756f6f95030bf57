import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Card, CardBody } from "@/components/ui";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getSessionUser } from "@/lib/auth/session";
import { safeCallbackPath } from "@/lib/auth/redirect-target";
import { SECOND_FACTOR_INVALID, SIGN_IN_EXPIRED, SIGN_IN_RATE_LIMITED, TWO_FACTOR_REQUIRED } from "@/lib/auth/sign-in-limit-codes";

export const metadata: Metadata = { title: "Sign in" };

// next-auth sends people here with ?error=… when something fails outside the form (pages.error).
const ERROR_MESSAGES: Record<string, string> = {
  CredentialsSignin: "Incorrect email or password. Check them and try again.",
  SessionRequired: "Please sign in to continue.",
  [SIGN_IN_RATE_LIMITED]: "Too many sign-in attempts. Wait a few minutes and try again.",
  [TWO_FACTOR_REQUIRED]: "This account uses two-factor sign-in. Enter your password to continue.",
  [SECOND_FACTOR_INVALID]: "That code did not work. Sign in again.",
  [SIGN_IN_EXPIRED]: "That sign-in expired. Please sign in again.",
};

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  const params = await searchParams;
  const callbackPath = safeCallbackPath(params.callbackUrl);
  if (await getSessionUser()) redirect(callbackPath);
  const errorCode = typeof params.error === "string" ? params.error : undefined;
  const defaultEmail = typeof params.email === "string" ? params.email.slice(0, 254) : undefined;
  const signUpHref = params.callbackUrl ? `/sign-up?callbackUrl=${encodeURIComponent(callbackPath)}` : "/sign-up";
  const initialError = errorCode ? (ERROR_MESSAGES[errorCode] ?? "Signing in failed. Please try again.") : undefined;

  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Sign in to Plumb</h1>
      <p className="mt-2 text-sm text-slate-600">
        New here?{" "}
        <Link href={signUpHref} className="font-medium text-brand-700 underline-offset-2 hover:underline">
          Create an account
        </Link>
      </p>
      <Card className="mt-6">
        <CardBody className="p-6">
          <SignInForm callbackPath={callbackPath} initialError={initialError} defaultEmail={defaultEmail} />
        </CardBody>
      </Card>
      <p className="mt-4 text-center text-sm">
        <Link href="/forgot-password" className="font-medium text-brand-700 underline-offset-2 hover:underline">
          Forgot password?
        </Link>
      </p>
    </>
  );
}
