import { z } from "zod";
import { PILLARS } from "@/lib/scanner/types";

// The status and kind enums of the API contract (lib/api/contract), shared by every contract.
// The one pillar list is the scanner's (lib/scanner/types.ts); everything else derives from it.
export const pillarSchema = z.enum(PILLARS).meta({ id: "Pillar" });
export const severitySchema = z.enum(["critical", "high", "medium", "low", "info"]).meta({ id: "Severity" });
export const findingStatusSchema = z.enum(["open", "in_progress", "resolved", "accepted_risk", "false_positive"]).meta({ id: "FindingStatus" });
export const findingResolutionSchema = z.enum(["scan", "verified", "claimed_upstream", "manual"]).meta({ id: "FindingResolution" });
export const scanStatusSchema = z.enum(["queued", "running", "succeeded", "failed", "canceled"]).meta({ id: "ScanStatus" });
export const taskStatusSchema = z.enum(["todo", "in_progress", "done"]).meta({ id: "TaskStatus" });
export const integrationStatusSchema = z.enum(["connected", "disconnected", "syncing", "error"]).meta({ id: "IntegrationStatus" });
export const providerSchema = z.enum(["ga4", "gsc", "sentry", "github", "gitlab", "jira", "linear", "cloudflare"]).meta({ id: "Provider" });
export const scheduleSchema = z.enum(["off", "daily", "weekly", "monthly"]).meta({ id: "Schedule" });
export const verificationMethodSchema = z.enum(["meta", "dns", "file"]).meta({ id: "VerificationMethod" });
