import { notFound } from "next/navigation";
import { requireMembership } from "@/lib/auth/session";
import { isServiceError } from "@/lib/services/errors";
import { getScanRowOrThrow } from "@/lib/services/scans/get-scan";

/**
 * Answers a missing or foreign scan id with HTTP 404: checked here, outside this segment's loading boundary,
 * because after a streamed loading screen the status can no longer change.
 */
export default async function ScanLayout({ children, params }: LayoutProps<"/o/[orgSlug]/scans/[scanId]">) {
  const { orgSlug, scanId } = await params;
  const { organization } = await requireMembership(orgSlug);
  try {
    await getScanRowOrThrow({ orgId: organization.id, scanId });
  } catch (err) {
    if (isServiceError(err) && err.code === "not_found") notFound();
    throw err;
  }
  return children;
}
