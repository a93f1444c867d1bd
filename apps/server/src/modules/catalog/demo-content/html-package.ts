import { escapeHtml } from '../../../lib/mail-layout.ts';
import type { DemoNano, DemoQuizQuestion } from './demo-nano.ts';
import { labelsFor, levelName } from './labels.ts';
import { themeFor } from './theme.ts';

/** The same script for every package: it only reads the page, so it needs no data of its own. */
const QUIZ_JS = `'use strict';
// Marks each question right or wrong and shows the score; works offline and inside the sandboxed viewer.
document.addEventListener('DOMContentLoaded', function () {
  var form = document.getElementById('quiz');
  var result = document.getElementById('result');
  if (!form || !result) {
    return;
  }
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var questions = form.querySelectorAll('fieldset[data-answer]');
    var correct = 0;
    questions.forEach(function (question) {
      var chosen = question.querySelector('input:checked');
      var right = chosen !== null && chosen.value === question.getAttribute('data-answer');
      question.classList.toggle('right', right);
      question.classList.toggle('wrong', !right);
      if (right) {
        correct += 1;
      }
    });
    result.textContent = (result.getAttribute('data-template') || '')
      .replace('{correct}', String(correct))
      .replace('{total}', String(questions.length));
  });
});
`;

function styleCss(accent: string, tint: string): string {
  return `:root { --accent: ${accent}; --tint: ${tint}; }
* { box-sizing: border-box; }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #212529; background: #f8f9fa; line-height: 1.5; }
header { background: var(--accent); color: #fff; padding: 2rem 1.5rem; }
header h1 { margin: 0 0 .5rem; font-size: 1.8rem; }
main { max-width: 48rem; margin: 0 auto; padding: 1.5rem; }
img { max-width: 100%; height: auto; border-radius: .5rem; }
ol.points li { margin-bottom: .5rem; }
fieldset { border: 2px solid var(--tint); border-radius: .5rem; margin: 0 0 1rem; padding: 1rem; background: #fff; }
fieldset.right { border-color: #2b8a3e; }
fieldset.wrong { border-color: #c92a2a; }
legend { font-weight: 600; padding: 0 .25rem; }
label { display: block; padding: .25rem 0; cursor: pointer; }
button { background: var(--accent); color: #fff; border: 0; border-radius: .375rem; padding: .6rem 1.2rem; font-size: 1rem; cursor: pointer; }
button:focus-visible, input:focus-visible { outline: 3px solid var(--tint); outline-offset: 2px; }
#result { font-weight: 600; margin-top: 1rem; min-height: 1.5em; }
`;
}

function questionHtml(question: DemoQuizQuestion, index: number): string {
  const options = question.options
    .map(
      (option, optionIndex) =>
        `<label><input type="radio" name="q${index}" value="${optionIndex}" required> ${escapeHtml(option)}</label>`,
    )
    .join('\n      ');
  return `<fieldset data-answer="${question.answer}">
      <legend>${index + 1}. ${escapeHtml(question.question)}</legend>
      ${options}
    </fieldset>`;
}

/**
 * A small self-contained web package: `index.html` with the key points, the overview image and a
 * quiz, plus `style.css` and `quiz.js`. No external resource, so it runs in the sandboxed viewer.
 */
export function buildHtmlPackage(nano: DemoNano, overviewImagePath: string): Record<string, string> {
  const labels = labelsFor(nano);
  const { accent, tint } = themeFor(nano);
  const points = nano.points
    .map(([heading, detail]) => `<li><strong>${escapeHtml(heading)}:</strong> ${escapeHtml(detail)}</li>`)
    .join('\n      ');
  const questions = (nano.quiz ?? []).map(questionHtml).join('\n    ');
  const html = `<!doctype html>
<html lang="${nano.language}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(nano.title)}</title>
  <link rel="stylesheet" href="style.css">
  <script src="quiz.js" defer></script>
</head>
<body>
  <header>
    <h1>${escapeHtml(nano.title)}</h1>
    <p>${nano.durationMinutes} ${escapeHtml(labels.minutes)} · ${escapeHtml(levelName(nano))}</p>
  </header>
  <main>
    <p>${escapeHtml(nano.description)}</p>
    <img src="${escapeHtml(overviewImagePath)}" alt="${escapeHtml(nano.title)}" width="960" height="540">
    <h2>${escapeHtml(labels.goals)}</h2>
    <ol class="points">
      ${points}
    </ol>
    <h2>${escapeHtml(labels.quizTitle)}</h2>
    <form id="quiz">
    ${questions}
    <button type="submit">${escapeHtml(labels.quizCheck)}</button>
    <p id="result" role="status" data-template="${escapeHtml(labels.quizResult)}"></p>
    </form>
  </main>
</body>
</html>
`;
  return { 'index.html': html, 'style.css': styleCss(accent, tint), 'quiz.js': QUIZ_JS };
}
