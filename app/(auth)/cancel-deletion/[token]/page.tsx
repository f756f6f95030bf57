import type { Metadata } from "next";
import Link from "next/link";
import { Alert, Button, Card, CardBody } from "@/components/ui";
import { cancelDeletionByTokenAction } from "./actions";

export const metadata: Metadata = { title: "Cancel account deletion", referrer: "no-referrer" };

// Opening the link changes nothing; the token is spent by the button (mail scanners follow links). The
// "done" segment shows the outcome after the action redirects.
export default async function CancelDeletionPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await params;
  const status = (await searchParams).status;
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Cancel account deletion</h1>
      <Card className="mt-6">
        <CardBody className="space-y-4 p-6">
          {token === "done" ? (
            status === "canceled" ? (
              <Alert tone="success" title="Deletion canceled">
                Your account stays.{" "}
                <Link href="/sign-in" className="font-medium underline">
                  Sign in
                </Link>
              </Alert>
            ) : (
              <Alert tone="danger" title="This link is not valid any more">
                It was used already, has expired, or the deletion was canceled. Sign in to check your account.
              </Alert>
            )
          ) : (
            <form action={cancelDeletionByTokenAction.bind(null, token)} className="space-y-4">
              <p className="text-sm text-slate-700">Keep your Plumb account: the scheduled deletion is canceled.</p>
              <Button type="submit">Cancel the deletion</Button>
            </form>
          )}
        </CardBody>
      </Card>
    </>
  );
}
