import type { Metadata } from "next";
import Link from "next/link";
import { Alert, Card, CardBody, DataTable, EmptyState, formatDateTime } from "@/components/ui";
import { requireMembership } from "@/lib/auth/session";
import { InvalidParamsError } from "@/lib/http/errors";
import { getCredits } from "@/lib/services/credits/get-credits";
import type { CreditReason } from "@/generated/prisma/enums";
import { cursorParam } from "../cursor-param";

export const metadata: Metadata = { title: "Credits" };

const PAGE_SIZE = 25;

const REASONS: Record<CreditReason, string> = {
  grant: "Credits granted",
  monthly_grant: "Monthly free credits",
  scan_reserve: "Scan (credits reserved)",
  scan_refund: "Scan refund (unused credits)",
  adjustment: "Adjustment",
  ai_analysis: "AI analysis of a scan",
  recheck_reserve: "Re-check of a finding",
  recheck_refund: "Re-check refund (it could not run)",
};

const signed = new Intl.NumberFormat("en", { signDisplay: "always" });
const plain = new Intl.NumberFormat("en");

export default async function CreditsPage({ params, searchParams }: PageProps<"/o/[orgSlug]/settings/credits">) {
  const { orgSlug } = await params;
  const { organization } = await requireMembership(orgSlug);
  const cursor = cursorParam(await searchParams);
  const base = `/o/${orgSlug}/settings/credits`;
  let credits: Awaited<ReturnType<typeof getCredits>> | null = null;
  try {
    credits = await getCredits({ orgId: organization.id, limit: PAGE_SIZE, cursor });
  } catch (err) {
    if (!(err instanceof InvalidParamsError)) throw err;
  }
  if (!credits) {
    return (
      <Alert tone="warning">
        This page link is no longer valid.{" "}
        <Link href={base} className="font-medium underline">
          Show the latest entries
        </Link>
      </Alert>
    );
  }

  return (
    <div className="space-y-6">
      <Card>
        <CardBody className="flex flex-wrap items-end justify-between gap-4">
          <div>
            <h2 className="text-sm font-medium text-slate-600">Credit balance</h2>
            <p className="mt-1 text-3xl font-semibold tabular-nums text-slate-900">{plain.format(credits.balance)}</p>
          </div>
          <p className="max-w-md text-sm text-slate-600">
            A scan reserves credits for the pillars and pages you choose when it starts; what it does not use comes back
            when it finishes, fails or is canceled. Free credits arrive every month.
          </p>
        </CardBody>
      </Card>
      <section aria-labelledby="ledger-heading">
        <h2 id="ledger-heading" className="mb-3 text-lg font-semibold text-slate-900">
          Ledger
        </h2>
        {credits.ledger.length === 0 && !cursor ? (
          <EmptyState as="h3" title="No credit movements yet" description={<p>Grants and scans appear here, newest first.</p>} />
        ) : (
          <>
            <DataTable
              caption="Credit ledger, newest first"
              rows={credits.ledger}
              rowKey={(e) => e.id}
              columns={[
                { key: "when", header: "Date", cell: (e) => <span className="whitespace-nowrap">{formatDateTime(e.createdAt)}</span> },
                {
                  key: "what",
                  header: "Entry",
                  cell: (e) => (
                    <span className="block min-w-0">
                      <span className="block">{REASONS[e.reason]}</span>
                      {e.note ? <span className="block break-words text-xs text-slate-600">{e.note}</span> : null}
                    </span>
                  ),
                },
                {
                  key: "amount",
                  header: <span className="block text-right">Credits</span>,
                  className: "text-right tabular-nums",
                  cell: (e) => <span className={e.amount < 0 ? "text-red-800" : "text-green-800"}>{signed.format(e.amount)}</span>,
                },
              ]}
            />
            {cursor || credits.nextCursor ? (
              <nav aria-label="Ledger pages" className="mt-3 flex justify-between text-sm">
                {cursor ? <Link href={base} className="font-medium text-brand-700 underline">← Newest</Link> : <span />}
                {credits.nextCursor ? (
                  <Link href={`${base}?cursor=${credits.nextCursor}`} className="font-medium text-brand-700 underline">
                    Older →
                  </Link>
                ) : null}
              </nav>
            ) : null}
          </>
        )}
      </section>
    </div>
  );
}
