import type { ScanCompliance } from "@/lib/services/compliance/get-scan-compliance";
import type { z } from "zod";
import type { scanComplianceSchema } from "../contract/compliance";

export function serializeScanCompliance(c: ScanCompliance): z.input<typeof scanComplianceSchema> {
  return {
    scan_id: c.scanId,
    framework: c.framework,
    framework_name: c.frameworkName,
    requirements: c.requirements,
    unmapped_findings: c.unmappedFindings,
    conformance: c.conformance,
  };
}
