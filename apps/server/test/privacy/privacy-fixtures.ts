import { v7 as uuidv7 } from 'uuid';
import type { TestApp } from '../app.ts';
import { helpfulUrl, type Member, member, put, ratingUrl, replyUrl } from '../feedback/feedback-fixtures.ts';
import { APPROVE, createPublishedNano, makeNanoZip, multipartBody } from '../nano-fixtures.ts';
import { insertNano } from '../search/search-fixtures.ts';

/** What `seedActiveUser` made: the user, the other parties, and the ids of everything created. */
export interface ActiveUserSeed {
  /** The user who has done everything (role creator, signed in). */
  user: Member;
  /** A creator the user chatted with (about `otherNanoId`), signed in. */
  other: Member;
  /** A consumer who rated the user's Nano (the user replied) and `otherNanoId`. */
  rater: Member;
  moderator: Member;
  /** The user's published Nano with two approved versions (1.0.0, 1.1.0). */
  nanoId: string;
  /** The user's version ids, oldest first, and the ZIP bytes uploaded for each. */
  versionIds: string[];
  versionZips: Buffer[];
  /** The other creator's published Nano (favourited, listed, rated, flagged and chatted about). */
  otherNanoId: string;
  /** The user's own rating of `otherNanoId`. */
  ratingId: string;
  /** The rater's rating of the user's Nano, which the user replied to. */
  receivedRatingId: string;
  /** The rater's rating of `otherNanoId`, which the user marked helpful. */
  helpfulRatingId: string;
  listId: string;
  savedSearchId: string;
  chatId: string;
  /** Message ids in the chat: the user's first, then the other party's. */
  messageIds: string[];
  flagId: string;
  /** The phone number as entered (stored encrypted). */
  phone: string;
  /** Distinctive texts the user wrote, to look for in an export or check gone after erasure. */
  texts: {
    bio: string;
    company: string;
    ratingComment: string;
    reply: string;
    listName: string;
    savedSearchName: string;
    message: string;
    otherMessage: string;
    flagDescription: string;
  };
}

function expectStatus(res: { statusCode: number; body: string }, expected: number[], step: string): void {
  if (!expected.includes(res.statusCode)) {
    throw new Error(`${step} failed: ${res.statusCode} ${res.body}`);
  }
}

/**
 * A user who has done everything the platform keeps data about (issue 9's export and erasure
 * tests): profile with phone and interests, a consent history, a published Nano with two
 * versions, a rating (and a reply to one they received, a helpful mark), a favourite, a list,
 * a saved search, a chat with another creator (messages both ways), a flag, notifications and
 * several sessions.
 */
export async function seedActiveUser(t: TestApp): Promise<ActiveUserSeed> {
  const db = t.platform.database.db;
  const suffix = uuidv7().slice(-6);
  const user = await member(t, { role: 'creator', displayName: `Paula Privat ${suffix}` });
  const other = await member(t, { role: 'creator', displayName: `Otto Anbieter ${suffix}` });
  const rater = await member(t, { displayName: `Rita Rezension ${suffix}` });
  const moderator = await member(t, { role: 'moderator', displayName: `Mona Moderation ${suffix}` });
  const texts = {
    bio: `Ich erkläre Tabellen ${suffix}`,
    company: `Privat GmbH ${suffix}`,
    ratingComment: `Sehr hilfreich ${suffix}`,
    reply: `Danke für die Bewertung ${suffix}`,
    listName: `Meine Auswahl ${suffix}`,
    savedSearchName: `Excel-Suche ${suffix}`,
    message: `Hallo Otto, eine Frage ${suffix}`,
    otherMessage: `Hallo Paula, gern ${suffix}`,
    flagDescription: `Bitte prüfen ${suffix}`,
  };
  const phone = '+49 30 5550 1234';

  const categories = (await user.client.get('/api/v1/categories')).json().items;
  const interest = categories[0].children[0].id as string;
  expectStatus(
    await user.client.patch('/api/v1/me/profile', {
      bio: texts.bio,
      company: texts.company,
      jobTitle: 'Dozentin',
      website: 'https://example.org/paula',
      phone,
      interests: [interest],
    }),
    [200],
    'profile',
  );

  // Consent history: given then withdrawn (through the API once it exists, else as stored rows).
  const given = await user.client.post('/api/v1/me/consents', { type: 'marketing', given: true });
  if (given.statusCode === 404) {
    for (const [index, value] of [true, false].entries()) {
      await db
        .insertInto('consent_records')
        .values({
          id: uuidv7(),
          user_id: user.user.id,
          type: 'marketing',
          text_version: 1,
          given: value,
          source: 'settings',
          created_at: new Date(t.clock.now().getTime() + index),
        })
        .execute();
    }
  } else {
    expectStatus(given, [200, 201], 'consent');
    t.clock.advance(1000);
    expectStatus(
      await user.client.post('/api/v1/me/consents', { type: 'marketing', given: false }),
      [200, 201],
      'consent withdrawal',
    );
  }

  // Their Nano with two approved versions.
  const versionZips = [
    await makeNanoZip(`Paulas Pivot ${suffix}`),
    await makeNanoZip(`Paulas Pivot 2 ${suffix}`),
  ];
  const nanoId = await createPublishedNano(t, user.client, moderator.client, versionZips[0]);
  const update = await user.client.request({
    method: 'POST',
    url: `/api/v1/nanos/${nanoId}/versions`,
    ...multipartBody(versionZips[1] as Buffer, { changelog: `Neue Übung ${suffix}` }),
  });
  expectStatus(update, [201], 'second version');
  expectStatus(
    await moderator.client.post(`/api/v1/moderation/nanos/${nanoId}/decision`, APPROVE),
    [200],
    'approve second version',
  );
  const versionIds = (
    await db
      .selectFrom('nano_versions')
      .select('id')
      .where('nano_id', '=', nanoId)
      .orderBy('created_at')
      .orderBy('id')
      .execute()
  ).map((row) => row.id);

  const otherNanoId = await insertNano(t, other.user.id, { title: `Ottos Kurs ${suffix}` });

  // Ratings: the user rates Otto's Nano; Rita rates both; the user replies and marks helpful.
  const rating = await put(user.client, ratingUrl(otherNanoId), { score: 4, comment: texts.ratingComment });
  expectStatus(rating, [200, 201], 'rating');
  const received = await put(rater.client, ratingUrl(nanoId), { score: 5, comment: `Prima ${suffix}` });
  expectStatus(received, [200, 201], 'received rating');
  const helpful = await put(rater.client, ratingUrl(otherNanoId), { score: 3, comment: `Geht so ${suffix}` });
  expectStatus(helpful, [200, 201], 'second rating');
  expectStatus(
    await user.client.post(replyUrl(received.json().id), { text: texts.reply }),
    [200, 201],
    'reply',
  );
  expectStatus(await put(user.client, helpfulUrl(helpful.json().id)), [200, 201], 'helpful');

  // Favourite, list, saved search.
  expectStatus(await put(user.client, `/api/v1/favorites/${otherNanoId}`), [200, 201], 'favorite');
  const list = await user.client.post('/api/v1/me/lists', {
    name: texts.listName,
    description: 'Zum Lernen',
  });
  expectStatus(list, [201], 'list');
  const listId = list.json().id as string;
  expectStatus(
    await put(user.client, `/api/v1/lists/${listId}/items/${otherNanoId}`),
    [200, 201],
    'list item',
  );
  const saved = await user.client.post('/api/v1/me/saved-searches', {
    name: texts.savedSearchName,
    filters: { q: 'excel' },
    alert: true,
  });
  expectStatus(saved, [201], 'saved search');

  // A chat with Otto about his Nano, messages both ways.
  const opened = await user.client.post('/api/v1/chats', { nanoId: otherNanoId });
  expectStatus(opened, [200, 201], 'chat');
  const chatId = opened.json().chat.id as string;
  const messageIds: string[] = [];
  for (const [client, text] of [
    [user.client, texts.message],
    [other.client, texts.otherMessage],
  ] as const) {
    t.clock.advance(1000);
    const sent = await client.post(`/api/v1/chats/${chatId}/messages`, {
      text,
      clientId: `c${uuidv7().replaceAll('-', '')}`,
    });
    expectStatus(sent, [201], 'message');
    messageIds.push(sent.json().id as string);
  }

  // A flag on Otto's Nano.
  const flag = await user.client.post('/api/v1/flags', {
    targetType: 'nano',
    targetId: otherNanoId,
    reason: 'other',
    description: texts.flagDescription,
  });
  expectStatus(flag, [201], 'flag');

  return {
    user,
    other,
    rater,
    moderator,
    nanoId,
    versionIds,
    versionZips,
    otherNanoId,
    ratingId: rating.json().id as string,
    receivedRatingId: received.json().id as string,
    helpfulRatingId: helpful.json().id as string,
    listId,
    savedSearchId: saved.json().id as string,
    chatId,
    messageIds,
    flagId: flag.json().id as string,
    phone,
    texts,
  };
}
