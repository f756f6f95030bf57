// Bounds of a data export, so one download never holds an unbounded table in memory. The newest rows are
// kept; `truncated` in the export says which sections hit their bound.
export const EXPORT_ROW_LIMIT = 10_000;
export const EXPORT_INSTANCE_LIMIT = 50;
