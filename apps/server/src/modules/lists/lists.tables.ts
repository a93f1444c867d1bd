/** Tables owned by the lists module (issue 6; being built). */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by the module
export interface ListsTables {}
