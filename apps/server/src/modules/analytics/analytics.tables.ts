/** Tables owned by the analytics module (issue 6; being built). */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by the module
export interface AnalyticsTables {}
