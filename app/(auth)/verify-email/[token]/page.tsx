import type { Metadata } from "next";
import { Alert, ButtonLink, Card, CardBody } from "@/components/ui";
import { getSessionUser } from "@/lib/auth/session";
import { verifyEmail } from "@/lib/services/users/verify-email";

export const metadata: Metadata = { title: "Confirm your e-mail", referrer: "no-referrer" };

// Following the link confirms the address: whoever opens it read that mailbox, which is all it proves.
export default async function VerifyEmailPage({ params }: PageProps<"/verify-email/[token]">) {
  const { token } = await params;
  const result = await verifyEmail({ token });
  const user = await getSessionUser();
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Confirm your e-mail</h1>
      <Card className="mt-6">
        <CardBody className="space-y-4 p-6">
          {result.status === "verified" ? (
            <Alert tone="success" title="Address confirmed">
              <span className="break-all">{result.email}</span> is confirmed. Thank you.
            </Alert>
          ) : (
            <Alert tone="danger" title={result.status === "expired" ? "This link has expired" : "This link is not valid any more"}>
              Links work once and only the newest one counts. Sign in to ask for a new one.
            </Alert>
          )}
          <ButtonLink href={user ? "/o" : "/sign-in"} size="lg" className="w-full">
            {user ? "Go to the dashboard" : "Sign in"}
          </ButtonLink>
        </CardBody>
      </Card>
    </>
  );
}
