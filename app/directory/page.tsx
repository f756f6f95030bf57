import type { Metadata } from "next";
import { EmptyState, GlobeIcon } from "@/components/ui";
import { PublicFrame } from "@/components/public/public-frame";
import { DirectoryList } from "@/components/public/directory-list";
import { listDirectoryDomains } from "@/lib/services/directory/list-directory-domains";
import { connection } from "next/server";

export const metadata: Metadata = {
  title: "Directory of audited websites",
  description: "Websites whose owners verified them with Plumb and chose to publish their score.",
};

export default async function DirectoryPage() {
  // Always current: a domain that opts in or out shows up (or disappears) on the next request.
  await connection();
  const domains = await listDirectoryDomains();
  return (
    <PublicFrame>
      <h1 className="text-3xl font-semibold tracking-tight text-slate-900">Directory</h1>
      <p className="mt-2 max-w-2xl text-slate-600">
        Websites whose owners proved they control them and chose to publish their Plumb score. Scores come from the latest scan of each site.
      </p>
      <div className="mt-8">
        {domains.length === 0 ? (
          <EmptyState
            icon={<GlobeIcon className="size-6" />}
            title="No listed websites yet"
            description="Owners list a verified domain from its settings in the dashboard."
          />
        ) : (
          <DirectoryList domains={domains} />
        )}
      </div>
    </PublicFrame>
  );
}
