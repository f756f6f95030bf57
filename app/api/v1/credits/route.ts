import { getCreditsContract } from "@/lib/api/contract/credits";
import { serializeLedgerEntry } from "@/lib/api/serializers/credits";
import { defineRoute } from "@/lib/http/define-route";
import { getCredits } from "@/lib/services/credits/get-credits";

export const GET = defineRoute(getCreditsContract, async ({ actor, query }) => {
  const credits = await getCredits({ orgId: actor.orgId, limit: query.limit, cursor: query.cursor });
  return { balance: credits.balance, ledger: credits.ledger.map(serializeLedgerEntry), next_cursor: credits.nextCursor };
});
