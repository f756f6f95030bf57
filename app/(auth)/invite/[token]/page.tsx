import type { Metadata } from "next";
import { Alert, ButtonLink, Card, CardBody } from "@/components/ui";
import { InvitationActions } from "@/components/auth/invitation-actions";
import { SwitchAccountButton } from "@/components/auth/switch-account-button";
import { getSessionUser } from "@/lib/auth/session";
import { findInvitation } from "@/lib/services/invitations/find-invitation";
import { ROLE_LABELS } from "@/lib/services/organizations/roles";
import { acceptInvitationAction, declineInvitationAction } from "./actions";

export const metadata: Metadata = { title: "Invitation", referrer: "no-referrer" };

// The page an invitation e-mail links to. Opening it changes nothing (mail scanners follow links); the
// invitee accepts or declines with a button, signed in with the invited address.
export default async function InvitationPage({ params }: PageProps<"/invite/[token]">) {
  const { token } = await params;
  const invitation = await findInvitation({ token });
  const user = await getSessionUser();
  const here = `/invite/${encodeURIComponent(token)}`;

  if (!invitation || invitation.expired) {
    return (
      <>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Invitation</h1>
        <Card className="mt-6">
          <CardBody className="p-6">
            <Alert tone="danger" title={invitation ? "This invitation has expired" : "This invitation link is not valid"}>
              {invitation
                ? "Invitation links work for 7 days. Ask the person who invited you to send a new one."
                : "It was already used, revoked, or replaced by a newer invitation. Ask the person who invited you to send a new one."}
            </Alert>
          </CardBody>
        </Card>
      </>
    );
  }

  const { organization, email, role } = invitation;
  const q = (path: string) => `${path}?${new URLSearchParams({ email, callbackUrl: here }).toString()}`;
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">
        Join <span className="break-words">{organization.name}</span> on Plumb
      </h1>
      <p className="mt-2 text-sm text-slate-600">
        You are invited as {ROLE_LABELS[role].toLowerCase()}. The invitation is for <strong className="break-all">{email}</strong>.
      </p>
      <Card className="mt-6">
        <CardBody className="space-y-4 p-6">
          {!user ? (
            <>
              <p className="text-sm text-slate-700">Sign in with this address to accept, or create an account with it first.</p>
              <div className="flex flex-col gap-3 sm:flex-row">
                <ButtonLink href={q("/sign-in")} size="lg" className="sm:flex-1">
                  Sign in to accept
                </ButtonLink>
                <ButtonLink href={q("/sign-up")} size="lg" variant="secondary" className="sm:flex-1">
                  Create an account
                </ButtonLink>
              </div>
            </>
          ) : user.email !== email ? (
            <>
              <Alert tone="danger" title="This invitation is for another address">
                You are signed in as <span className="break-all">{user.email}</span>, but the invitation was sent to{" "}
                <span className="break-all">{email}</span>. Only that address can accept it.
              </Alert>
              <SwitchAccountButton next={q("/sign-in")}>Sign out and switch account</SwitchAccountButton>
            </>
          ) : (
            <InvitationActions
              orgName={organization.name}
              accept={acceptInvitationAction.bind(null, token)}
              decline={declineInvitationAction.bind(null, token)}
            />
          )}
        </CardBody>
      </Card>
    </>
  );
}
