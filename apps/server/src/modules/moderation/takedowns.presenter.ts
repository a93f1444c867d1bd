import type { ownTakedownSchema, Takedown } from '@nano/contracts';
import type { z } from 'zod';
import type { UserCard } from '../identity/user-cards.ts';
import { ageHours, slaState } from './overview.sla.ts';
import type { TakedownListRow } from './takedowns.repository.ts';

type OwnTakedown = z.output<typeof ownTakedownSchema>;

function person(cards: Map<string, UserCard>, id: string | null) {
  const card = id ? cards.get(id) : undefined;
  return card ? { id: card.id, username: card.username, displayName: card.displayName } : null;
}

/** A notice as the creator sees it: everything but the complainant's email address. */
export function presentOwnTakedown(row: TakedownListRow, cards: Map<string, UserCard>): OwnTakedown {
  return {
    id: row.id,
    nano: {
      id: row.nano_id,
      title: row.nano_title,
      status: row.nano_status,
      creator: person(cards, row.creator_id),
    },
    complainantName: row.complainant_name,
    work: row.work,
    originalLocation: row.original_location,
    status: row.status,
    createdAt: row.created_at.toISOString(),
    confirmedAt: row.confirmed_at?.toISOString() ?? null,
    responseDueAt: row.response_due_at?.toISOString() ?? null,
    response:
      row.response_text !== null && row.responded_at !== null
        ? { text: row.response_text, at: row.responded_at.toISOString() }
        : null,
    decidedAt: row.decided_at?.toISOString() ?? null,
  };
}

/**
 * A notice as staff see it, with its age since confirmation (since submission while unconfirmed)
 * and the SLA colour of that age; a decided notice's age stops at its decision.
 */
export function presentTakedown(row: TakedownListRow, cards: Map<string, UserCard>, now: Date): Takedown {
  const age = ageHours(row.confirmed_at ?? row.created_at, row.decided_at ?? now);
  return {
    ...presentOwnTakedown(row, cards),
    complainantEmail: row.complainant_email,
    ageHours: age,
    sla: slaState(age),
  };
}
