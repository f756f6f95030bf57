import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { EmptyState, GlobeIcon } from "@/components/ui";
import { PublicFrame } from "@/components/public/public-frame";
import { DirectoryList } from "@/components/public/directory-list";
import { DIRECTORY_SORTS, listDirectoryDomains, type DirectorySort } from "@/lib/services/directory/list-directory-domains";

export const metadata: Metadata = {
  title: "Directory of audited websites",
  description: "Websites whose owners verified them with Plumb and chose to publish their score.",
};

const SORT_LABELS: Record<DirectorySort, string> = { score: "Best score", name: "Name", recent: "Recently scanned" };

function one(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

export default async function DirectoryPage({ searchParams }: PageProps<"/directory">) {
  // Always current: a domain that opts in or out shows up (or disappears) on the next request.
  await connection();
  const sp = await searchParams;
  const q = (one(sp.q) ?? "").slice(0, 100);
  const sortParam = one(sp.sort);
  const sort: DirectorySort = (DIRECTORY_SORTS as readonly string[]).includes(sortParam ?? "") ? (sortParam as DirectorySort) : "score";
  const domains = await listDirectoryDomains({ q, sort });
  return (
    <PublicFrame>
      <h1 className="text-3xl font-semibold tracking-tight text-slate-900">Directory</h1>
      <p className="mt-2 max-w-2xl text-slate-600">
        Websites whose owners proved they control them and chose to publish their Plumb score. Each pillar&apos;s score comes from the latest full scan that
        covered it.
      </p>
      <form role="search" method="get" action="/directory" className="mt-6 flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="min-w-0 flex-1">
          <label htmlFor="directory-q" className="block text-sm font-medium text-slate-800">
            Search
          </label>
          <input
            id="directory-q"
            name="q"
            type="search"
            defaultValue={q}
            maxLength={100}
            placeholder="Domain or organization"
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm text-slate-900 shadow-sm focus:border-brand-600 focus:ring-2 focus:ring-brand-600 focus:outline-none"
          />
        </div>
        <div>
          <label htmlFor="directory-sort" className="block text-sm font-medium text-slate-800">
            Sort by
          </label>
          <select
            id="directory-sort"
            name="sort"
            defaultValue={sort}
            className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm focus:border-brand-600 focus:ring-2 focus:ring-brand-600 focus:outline-none sm:w-48"
          >
            {DIRECTORY_SORTS.map((s) => (
              <option key={s} value={s}>
                {SORT_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800 focus:ring-2 focus:ring-brand-600 focus:ring-offset-2 focus:outline-none">
          Apply
        </button>
      </form>
      <div className="mt-8">
        {domains.length === 0 ? (
          q ? (
            <EmptyState
              icon={<GlobeIcon className="size-6" />}
              title="No listed website matches"
              description={
                <>
                  Nothing matches “{q}”. <Link href="/directory" className="underline">Show every listed website</Link>.
                </>
              }
            />
          ) : (
            <EmptyState
              icon={<GlobeIcon className="size-6" />}
              title="No listed websites yet"
              description="Owners list a verified domain from its settings in the dashboard."
            />
          )
        ) : (
          <DirectoryList domains={domains} />
        )}
      </div>
    </PublicFrame>
  );
}
