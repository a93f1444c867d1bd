/**
 * Age and SLA colour of a moderation queue item (SPEC §4.6: target 24 h, alert over 48 h), for the
 * moderation module's queues (flags, takedowns, appeals). The rule lives once, beside the review
 * queues in the catalog; this names it for the module.
 */
export { ageHoursSince as ageHours, slaState } from '../catalog/review-queue.ts';
