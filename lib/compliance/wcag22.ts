// The WCAG 2.2 success criteria at levels A and AA (what "WCAG 2.2 AA" conformance covers), plus the AAA
// criteria an automated rule may still cite. 4.1.1 Parsing was removed in 2.2 and is not listed.
export type WcagLevel = "A" | "AA" | "AAA";

export interface WcagCriterion {
  id: string;
  title: string;
  level: WcagLevel;
}

export const WCAG22_CRITERIA: readonly WcagCriterion[] = [
  { id: "1.1.1", title: "Non-text Content", level: "A" },
  { id: "1.2.1", title: "Audio-only and Video-only (Prerecorded)", level: "A" },
  { id: "1.2.2", title: "Captions (Prerecorded)", level: "A" },
  { id: "1.2.3", title: "Audio Description or Media Alternative (Prerecorded)", level: "A" },
  { id: "1.2.4", title: "Captions (Live)", level: "AA" },
  { id: "1.2.5", title: "Audio Description (Prerecorded)", level: "AA" },
  { id: "1.3.1", title: "Info and Relationships", level: "A" },
  { id: "1.3.2", title: "Meaningful Sequence", level: "A" },
  { id: "1.3.3", title: "Sensory Characteristics", level: "A" },
  { id: "1.3.4", title: "Orientation", level: "AA" },
  { id: "1.3.5", title: "Identify Input Purpose", level: "AA" },
  { id: "1.4.1", title: "Use of Color", level: "A" },
  { id: "1.4.2", title: "Audio Control", level: "A" },
  { id: "1.4.3", title: "Contrast (Minimum)", level: "AA" },
  { id: "1.4.4", title: "Resize Text", level: "AA" },
  { id: "1.4.5", title: "Images of Text", level: "AA" },
  { id: "1.4.10", title: "Reflow", level: "AA" },
  { id: "1.4.11", title: "Non-text Contrast", level: "AA" },
  { id: "1.4.12", title: "Text Spacing", level: "AA" },
  { id: "1.4.13", title: "Content on Hover or Focus", level: "AA" },
  { id: "2.1.1", title: "Keyboard", level: "A" },
  { id: "2.1.2", title: "No Keyboard Trap", level: "A" },
  { id: "2.1.3", title: "Keyboard (No Exception)", level: "AAA" },
  { id: "2.1.4", title: "Character Key Shortcuts", level: "A" },
  { id: "2.2.1", title: "Timing Adjustable", level: "A" },
  { id: "2.2.2", title: "Pause, Stop, Hide", level: "A" },
  { id: "2.3.1", title: "Three Flashes or Below Threshold", level: "A" },
  { id: "2.4.1", title: "Bypass Blocks", level: "A" },
  { id: "2.4.2", title: "Page Titled", level: "A" },
  { id: "2.4.3", title: "Focus Order", level: "A" },
  { id: "2.4.4", title: "Link Purpose (In Context)", level: "A" },
  { id: "2.4.5", title: "Multiple Ways", level: "AA" },
  { id: "2.4.6", title: "Headings and Labels", level: "AA" },
  { id: "2.4.7", title: "Focus Visible", level: "AA" },
  { id: "2.4.11", title: "Focus Not Obscured (Minimum)", level: "AA" },
  { id: "2.5.1", title: "Pointer Gestures", level: "A" },
  { id: "2.5.2", title: "Pointer Cancellation", level: "A" },
  { id: "2.5.3", title: "Label in Name", level: "A" },
  { id: "2.5.4", title: "Motion Actuation", level: "A" },
  { id: "2.5.7", title: "Dragging Movements", level: "AA" },
  { id: "2.5.8", title: "Target Size (Minimum)", level: "AA" },
  { id: "3.1.1", title: "Language of Page", level: "A" },
  { id: "3.1.2", title: "Language of Parts", level: "AA" },
  { id: "3.2.1", title: "On Focus", level: "A" },
  { id: "3.2.2", title: "On Input", level: "A" },
  { id: "3.2.3", title: "Consistent Navigation", level: "AA" },
  { id: "3.2.4", title: "Consistent Identification", level: "AA" },
  { id: "3.2.6", title: "Consistent Help", level: "A" },
  { id: "3.3.1", title: "Error Identification", level: "A" },
  { id: "3.3.2", title: "Labels or Instructions", level: "A" },
  { id: "3.3.3", title: "Error Suggestion", level: "AA" },
  { id: "3.3.4", title: "Error Prevention (Legal, Financial, Data)", level: "AA" },
  { id: "3.3.7", title: "Redundant Entry", level: "A" },
  { id: "3.3.8", title: "Accessible Authentication (Minimum)", level: "AA" },
  { id: "4.1.2", title: "Name, Role, Value", level: "A" },
  { id: "4.1.3", title: "Status Messages", level: "AA" },
];

const BY_ID = new Map(WCAG22_CRITERIA.map((c) => [c.id, c]));

export function wcagCriterion(id: string): WcagCriterion | undefined {
  return BY_ID.get(id);
}

/** The 55 criteria a WCAG 2.2 AA conformance claim covers. */
export const WCAG22_AA_CRITERIA: readonly WcagCriterion[] = WCAG22_CRITERIA.filter((c) => c.level !== "AAA");
