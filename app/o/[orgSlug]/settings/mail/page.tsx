import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Alert, Badge, Card, CardBody, EmptyState, formatDateTime, type BadgeTone } from "@/components/ui";
import { MailBody } from "@/components/settings/mail-body";
import { requireMembership } from "@/lib/auth/session";
import { listOrganizationMail } from "@/lib/services/mail/list-organization-mail";
import { mailIsDelivered } from "@/lib/services/mail/transport";
import { roleAllows } from "../../access";

export const metadata: Metadata = { title: "Mail", referrer: "no-referrer" };

const STATUS: Record<"queued" | "sent" | "failed", { label: string; tone: BadgeTone }> = {
  queued: { label: "Queued", tone: "warning" },
  sent: { label: "Sent", tone: "success" },
  failed: { label: "Failed", tone: "danger" },
};

// Owners only: the organization's e-mail (invitations, alerts, reports). Without an SMTP server this is how an
// owner gets an invitation link to a teammate. Personal mail (verification, password reset) is never here.
export default async function MailPage({ params }: PageProps<"/o/[orgSlug]/settings/mail">) {
  const { orgSlug } = await params;
  const { user, organization, membership } = await requireMembership(orgSlug);
  if (!roleAllows(membership.role, { role: "owner" })) notFound();
  const messages = await listOrganizationMail({ orgId: organization.id, userId: user.id });
  const delivered = mailIsDelivered();

  return (
    <section aria-labelledby="mail-heading" className="space-y-4">
      <div>
        <h2 id="mail-heading" className="text-lg font-semibold text-slate-900">
          Mail
        </h2>
        <p className="text-sm text-slate-600">E-mail Plumb wrote on behalf of this organization, newest first. Only owners see this page.</p>
      </div>
      {delivered ? null : (
        <Alert tone="info" title="No mail server is configured">
          These messages were not e-mailed (set <code>SMTP_URL</code> to send them). Pass an invitation link on to the person it is for:
          only they can accept it, signed in with the invited address.
        </Alert>
      )}
      {messages.length === 0 ? (
        <EmptyState as="h3" title="No mail yet" description={<p>Invitations you send from Members appear here.</p>} />
      ) : (
        <ul className="space-y-4" aria-label="Messages">
          {messages.map((m) => (
            <li key={m.id}>
              <Card>
                <article aria-labelledby={`mail-${m.id}`}>
                  <CardBody className="space-y-3">
                    <div className="flex flex-wrap items-start justify-between gap-2">
                      <h3 id={`mail-${m.id}`} className="min-w-0 font-semibold break-words text-slate-900">
                        {m.subject}
                      </h3>
                      <Badge tone={STATUS[m.status].tone}>{delivered || m.status !== "sent" ? STATUS[m.status].label : "Not e-mailed"}</Badge>
                    </div>
                    <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
                      <dt className="text-slate-600">To</dt>
                      <dd className="break-all text-slate-900">{m.to}</dd>
                      <dt className="text-slate-600">Written</dt>
                      <dd className="text-slate-900">{formatDateTime(m.createdAt)}</dd>
                      {m.lastError ? (
                        <>
                          <dt className="text-slate-600">Last error</dt>
                          <dd className="break-words text-red-800">{m.lastError}</dd>
                        </>
                      ) : null}
                    </dl>
                    {m.text ? (
                      <div className="rounded-md border border-slate-200 bg-slate-50 p-3">
                        <MailBody text={m.text} />
                      </div>
                    ) : (
                      <p className="text-sm text-slate-600">The body can no longer be read (the encryption key changed).</p>
                    )}
                  </CardBody>
                </article>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
