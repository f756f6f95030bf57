import { getCredits } from "@/lib/services/credits/get-credits";
import { CREDITS_PER_PILLAR } from "@/lib/services/credits/scan-cost";
import { DEFAULT_MAX_PAGES, MAX_MAX_PAGES } from "@/lib/services/scans/scan-defaults";
import { launchScanAction } from "@/app/o/[orgSlug]/scans/actions";
import { LaunchScanDialog, type LaunchTarget } from "./launch-scan-dialog";

/** Server half of the launch dialog: reads the balance (issuing the month's free grant if due) and the limits. */
export async function LaunchScanButton({ orgId, orgSlug, domains, triggerLabel, focusTrigger }: { orgId: string; orgSlug: string; domains: LaunchTarget[]; triggerLabel?: string; focusTrigger?: boolean }) {
  const { balance } = await getCredits({ orgId, limit: 1 });
  return (
    <LaunchScanDialog
      orgSlug={orgSlug}
      domains={domains}
      balance={balance}
      creditsPerPillar={CREDITS_PER_PILLAR}
      defaultMaxPages={DEFAULT_MAX_PAGES}
      maxMaxPages={MAX_MAX_PAGES}
      action={launchScanAction.bind(null, orgSlug)}
      triggerLabel={triggerLabel}
      focusTrigger={focusTrigger}
    />
  );
}
