import { Card, CardBody, CardHeader } from "@/components/ui";
import { listScanThirdParties } from "@/lib/services/third-parties/list-scan-third-parties";
import { ThirdPartiesTable } from "./third-parties-table";

/** The scan's third-party inventory (server component): every host contacted, probable trackers flagged. */
export async function ThirdPartiesSection({ orgId, scanId }: { orgId: string; scanId: string }) {
  const { hosts } = await listScanThirdParties({ orgId, scanId });
  const probable = hosts.filter((h) => h.probableTracker).length;
  const listed = hosts.filter((h) => h.tracker).length;
  return (
    <Card className="mt-6">
      <CardHeader
        title={`Third parties (${hosts.length})`}
        description={
          hosts.length
            ? `${listed} on the tracker list, ${hosts.length - listed} not${probable ? `, ${probable} of them probable tracker${probable === 1 ? "" : "s"} (they receive identifiers)` : ""}. Parameter values are classified, never stored.`
            : undefined
        }
      />
      <CardBody>
        {hosts.length > 0 ? (
          <ThirdPartiesTable
            hosts={hosts.map((h) => ({
              host: h.host,
              tracker: h.tracker ? { name: h.tracker.name, category: h.tracker.category } : null,
              requests: h.requests,
              bytes: h.bytes,
              pages: h.pages,
              resourceTypes: h.resourceTypes as Record<string, number>,
              cookies: h.cookies,
              firstSeenOn: h.firstSeenOn,
              receives: h.receives,
              beacons: h.beacons,
              probableTracker: h.probableTracker,
            }))}
          />
        ) : (
          <p className="text-sm text-slate-600">The scanned pages contacted no third-party host (or the scan predates the inventory).</p>
        )}
      </CardBody>
    </Card>
  );
}
