/** Demo learners and the texts of their ratings, for the feedback seeder. */

/** Learners who rate the demo Nanos; they sign in with the demo password like every demo account. */
export const DEMO_LEARNERS: ReadonlyArray<{ username: string; displayName: string; locale: 'de' | 'en' }> = [
  { username: 'demo-lernende-1', displayName: 'Jana Becker', locale: 'de' },
  { username: 'demo-lernende-2', displayName: 'Mehmet Yılmaz', locale: 'de' },
  { username: 'demo-lernende-3', displayName: 'Claudia Hoffmann', locale: 'de' },
  { username: 'demo-lernende-4', displayName: 'Tobias Krüger', locale: 'de' },
  { username: 'demo-lernende-5', displayName: 'Priya Patel', locale: 'en' },
  { username: 'demo-lernende-6', displayName: 'Sören Lange', locale: 'de' },
  { username: 'demo-lernende-7', displayName: 'Emma Clarke', locale: 'en' },
  { username: 'demo-lernende-8', displayName: 'Aylin Kaya', locale: 'de' },
];

type Texts = Record<'de' | 'en', Record<1 | 2 | 3 | 4 | 5, readonly string[]>>;

/** Short comments per language and score. */
export const DEMO_COMMENTS: Texts = {
  de: {
    5: [
      'Kurz, klar und sofort anwendbar – genau so sollten Lerneinheiten sein.',
      'Super erklärt! Die Beispiele passen perfekt zu meinem Arbeitsalltag.',
      'Hat mir im Team-Meeting direkt geholfen. Danke!',
      'Endlich verstanden. Die Übung am Ende war sehr nützlich.',
    ],
    4: [
      'Gute Einführung, ein paar mehr Praxisbeispiele wären schön.',
      'Solide Einheit, das Tempo ist angenehm.',
      'Hilfreich für den Einstieg, für Fortgeschrittene etwas knapp.',
    ],
    3: [
      'Ganz okay, manches hätte ich gern ausführlicher gehabt.',
      'Inhaltlich gut, die Folien sind allerdings sehr textlastig.',
    ],
    2: ['Leider zu oberflächlich für meinen Bedarf.', 'Die Beispiele passen kaum zu meiner Branche.'],
    1: ['Hat nicht zu meiner Frage gepasst, der Titel verspricht mehr.'],
  },
  en: {
    5: [
      'Short, clear and immediately useful – exactly what I needed.',
      'Great explanations, and the examples fit my daily work perfectly.',
      'I used this in a team meeting the very next day. Thank you!',
    ],
    4: [
      'Good introduction; a few more practical examples would be nice.',
      'Solid unit with a comfortable pace.',
      'Helpful to get started, a little brief for advanced learners.',
    ],
    3: ['Okay overall, some parts could go deeper.', 'Good content, but the slides are very text-heavy.'],
    2: ['Too superficial for what I was looking for.', 'The examples hardly fit my industry.'],
    1: ['Did not match my question; the title promises more.'],
  },
};

/** The creators' replies per language. */
export const DEMO_REPLIES: Record<'de' | 'en', readonly string[]> = {
  de: [
    'Vielen Dank für Ihr Feedback! Eine Vertiefung ist bereits in Arbeit.',
    'Danke für den Hinweis – in der nächsten Version ergänzen wir weitere Beispiele.',
    'Das freut uns sehr! Viel Erfolg beim Anwenden.',
  ],
  en: [
    'Thank you for the feedback! A follow-up unit is in the works.',
    'Thanks for the hint – the next version will have more examples.',
    'Glad it helped! Good luck putting it into practice.',
  ],
};

/** Scores drawn for demo ratings: mostly good, some mixed, a few poor. */
export const DEMO_SCORE_WEIGHTS: ReadonlyArray<[score: 1 | 2 | 3 | 4 | 5, weight: number]> = [
  [5, 45],
  [4, 30],
  [3, 13],
  [2, 8],
  [1, 4],
];
