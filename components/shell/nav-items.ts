export type NavIconName = "home" | "globe" | "scan" | "flag" | "check" | "report" | "settings";

export interface NavItem {
  label: string;
  /** Path below /o/[orgSlug]; "" is the organization's overview. */
  segment: "" | "domains" | "scans" | "findings" | "tasks" | "reports" | "settings";
  icon: NavIconName;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { label: "Overview", segment: "", icon: "home" },
  { label: "Domains", segment: "domains", icon: "globe" },
  { label: "Scans", segment: "scans", icon: "scan" },
  { label: "Findings", segment: "findings", icon: "flag" },
  { label: "Tasks", segment: "tasks", icon: "check" },
  { label: "Reports", segment: "reports", icon: "report" },
  { label: "Settings", segment: "settings", icon: "settings" },
];

export function orgPath(orgSlug: string, segment: NavItem["segment"] = ""): string {
  return segment ? `/o/${orgSlug}/${segment}` : `/o/${orgSlug}`;
}
