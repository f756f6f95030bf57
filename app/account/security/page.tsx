import type { Metadata } from "next";
import Link from "next/link";
import { Alert, Card, CardBody, CardHeader, formatDateTime } from "@/components/ui";
import { SessionsList } from "@/components/account/sessions-list";
import { TwoFactorSettings } from "@/components/account/two-factor-settings";
import { YourData } from "@/components/account/your-data";
import { NotificationSettings } from "@/components/account/notification-settings";
import { describeUserAgent } from "@/components/account/user-agent";
import { getCurrentSession } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db";
import { listSessions } from "@/lib/services/sessions/list-sessions";
import { getTwoFactorStatus } from "@/lib/services/two-factor/get-two-factor-status";
import { listPasskeys } from "@/lib/services/two-factor/list-passkeys";
import { redirect } from "next/navigation";

export const metadata: Metadata = { title: "Account security" };

export default async function AccountSecurityPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const current = await getCurrentSession();
  if (!current) redirect("/sign-in?callbackUrl=%2Faccount%2Fsecurity");
  const { user, sessionId } = current;
  const params = await searchParams;
  const requiredSlug = typeof params.required === "string" ? params.required.slice(0, 100) : undefined;
  const [status, passkeys, sessions, deletion] = await Promise.all([
    getTwoFactorStatus({ userId: user.id }),
    listPasskeys({ userId: user.id }),
    listSessions({ userId: user.id, currentSessionId: sessionId }),
    (await getPrisma()).user.findUnique({ where: { id: user.id }, select: { deletionScheduledFor: true, notifyByEmail: true } }),
  ]);
  // Only name an organization the user belongs to (the slug comes from the URL).
  const requiredOrg = requiredSlug
    ? await (await getPrisma()).organization.findFirst({
        where: { slug: requiredSlug, memberships: { some: { userId: user.id, status: "active" } } },
        select: { name: true, slug: true },
      })
    : null;

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Account security</h1>
        <p className="mt-1 text-sm text-slate-600">Two-factor sign-in and the places you are signed in.</p>
      </div>
      {requiredOrg ? (
        <Alert tone={status.enabled ? "success" : "warning"}>
          {status.enabled ? (
            <>
              Two-factor sign-in is on.{" "}
              <Link className="font-medium underline" href={`/o/${requiredOrg.slug}`}>
                Continue to {requiredOrg.name}
              </Link>
            </>
          ) : (
            <>{requiredOrg.name} requires two-factor sign-in. Set up an authenticator app or a passkey to continue.</>
          )}
        </Alert>
      ) : null}
      <Card>
        <CardHeader title="Notifications" description="How Plumb tells you about work for you." />
        <CardBody>
          <NotificationSettings email={deletion?.notifyByEmail ?? true} />
        </CardBody>
      </Card>
      <Card>
        <CardHeader
          title="Two-factor sign-in"
          description={status.enabled ? "On: signing in asks for a second factor after your password." : "Off: your password alone signs you in."}
        />
        <CardBody>
          <TwoFactorSettings
            totp={status.totp}
            recoveryCodesLeft={status.recoveryCodesLeft}
            passkeys={passkeys.map((p) => ({
              id: p.id,
              name: p.name,
              added: formatDateTime(p.createdAt),
              lastUsed: p.lastUsedAt ? formatDateTime(p.lastUsedAt) : null,
            }))}
          />
        </CardBody>
      </Card>
      <Card id="sessions">
        <CardHeader title="Sessions" description="Browsers signed in to your account. Revoking one signs it out at once." />
        <CardBody>
          <SessionsList
            sessions={sessions.map((s) => ({
              id: s.id,
              device: describeUserAgent(s.userAgent),
              ip: s.ip,
              lastSeen: formatDateTime(s.lastSeenAt),
              signedIn: formatDateTime(s.createdAt),
              current: s.current,
            }))}
          />
        </CardBody>
      </Card>
      <Card id="your-data">
        <CardHeader title="Your data" description="Download everything Plumb holds about you, or delete your account." />
        <CardBody>
          <YourData email={user.email} scheduledFor={deletion?.deletionScheduledFor ? formatDateTime(deletion.deletionScheduledFor) : null} />
        </CardBody>
      </Card>
    </div>
  );
}
