/**
 * Client mode's own words, in English: the screens a client reads while scoring themselves. Every
 * other file in this folder has exactly these keys (Translation<typeof en>); adding a language is
 * adding its file, named by its language tag (`ar.ts`, `tr.ts`): it is found by the index.
 */
const en = {
  title: 'Your own score',
  hello: 'Hello {{name}}',
  intro:
    'On the next screens you say how things are going for you, one subject at a time. There are {{count}} subjects. There is no right or wrong answer.',
  start: 'Start',
  progress: 'Subject {{current}} of {{total}}',
  choose: 'Which fits you best now?',
  previous: 'Last time you chose: {{level}}',
  skip: 'Skip this subject',
  back: 'Back',
  next: 'Next',
  finish: 'Finish',
  saving: 'Saving…',
  notSaved: 'Your answers could not be saved. Ask your caseworker.',
  thanks: 'Thank you, {{name}}!',
  saved: 'Your answers are saved. You can give the screen back to your caseworker.',
  chosen: '{{count}} of {{total}} subjects answered.',
  keys: 'Tip: the number keys choose, Enter goes on.',
  caseworker: 'For the caseworker',
  leaveTitle: 'Leave client mode',
  leavePin: 'Your PIN',
  leaveWord: 'Type {{word}} to leave client mode',
  leave: 'Leave',
  cancel: 'Back to the sheet',
  wrongPin: 'That is not the right PIN.',
  wrongWord: 'Type {{word}}, in capitals or not.',
  wait: 'Too many wrong PINs: wait a moment and try again.',
  paper: {
    for: 'For',
    date: 'Date',
    code: 'Code',
    instructions: 'Tick one box per subject: the level that fits best now.',
    previous: 'last time',
    goal: 'goal',
    comments: 'Comments',
    filledInBy: 'Filled in by',
    client: 'client',
    caseworker: 'caseworker',
    together: 'together',
    page: 'Type the code into Koers to enter this sheet.',
  },
};
export default en;
