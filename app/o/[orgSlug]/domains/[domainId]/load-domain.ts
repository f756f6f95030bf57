import { notFound } from "next/navigation";
import { getDomainOrThrow } from "@/lib/services/domains/get-domain";
import { isServiceError } from "@/lib/services/errors";

/** The organization's domain, or the 404 page (another organization's id looks like a missing one). */
export async function loadDomain(orgId: string, domainId: string) {
  try {
    return await getDomainOrThrow({ orgId, domainId });
  } catch (err) {
    if (isServiceError(err) && err.code === "not_found") notFound();
    throw err;
  }
}
