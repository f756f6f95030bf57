import { ProviderError } from "@/lib/integrations/provider";
import { ServiceError } from "../errors";

/** A provider's refusal as the API reports it: 424 `provider_error` with the provider's plain message. */
export function providerFailure(err: unknown): never {
  if (err instanceof ProviderError) throw new ServiceError("provider_error", err.message, { kind: err.kind });
  throw err;
}
