import { defineRoute } from "@/lib/http/define-route";
import { healthContract } from "@/lib/api/contract/public";
import { checkHealth } from "@/lib/api/health";

export const GET = defineRoute(healthContract, async () => checkHealth());
