// Enhancement only: every page works without this script.
// Moves focus to the error summary after a failed submit, so keyboard and screen-reader users hear what went wrong.
document.addEventListener('DOMContentLoaded', () => {
  const summary = document.querySelector('[data-autofocus="true"]');
  if (summary) summary.focus();
});
