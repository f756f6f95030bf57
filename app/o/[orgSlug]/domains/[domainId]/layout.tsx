import { requireMembership } from "@/lib/auth/session";
import { loadDomain } from "./load-domain";

/**
 * Answers a missing or foreign domain id with HTTP 404. The lookup must happen here, outside the loading
 * boundary of this segment: once a loading screen has been streamed the status is already 200, and a
 * notFound() from the page could only swap the screen, not the status.
 */
export default async function DomainLayout({ children, params }: LayoutProps<"/o/[orgSlug]/domains/[domainId]">) {
  const { orgSlug, domainId } = await params;
  const { organization } = await requireMembership(orgSlug);
  await loadDomain(organization.id, domainId);
  return children;
}
