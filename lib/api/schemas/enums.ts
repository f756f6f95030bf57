import { z } from "zod";

// The status and kind enums of DESIGN.md §3, shared by every contract.
export const pillarSchema = z.enum(["accessibility", "security", "cookies", "trackers", "privacy", "performance", "seo"]).meta({ id: "Pillar" });
export const severitySchema = z.enum(["critical", "high", "medium", "low", "info"]).meta({ id: "Severity" });
export const findingStatusSchema = z.enum(["open", "in_progress", "resolved", "accepted_risk", "false_positive"]).meta({ id: "FindingStatus" });
export const scanStatusSchema = z.enum(["queued", "running", "succeeded", "failed", "canceled"]).meta({ id: "ScanStatus" });
export const taskStatusSchema = z.enum(["todo", "in_progress", "done"]).meta({ id: "TaskStatus" });
export const integrationStatusSchema = z.enum(["connected", "disconnected", "syncing", "error"]).meta({ id: "IntegrationStatus" });
export const providerSchema = z.enum(["ga4", "gsc", "sentry", "github", "gitlab", "jira", "linear", "cloudflare"]).meta({ id: "Provider" });
export const scheduleSchema = z.enum(["off", "daily", "weekly", "monthly"]).meta({ id: "Schedule" });
export const verificationMethodSchema = z.enum(["meta", "dns", "file"]).meta({ id: "VerificationMethod" });
