// Enhancement only: every page works without this script.
// Moves focus to the error summary after a failed submit, so keyboard and screen-reader users hear what went wrong.
document.addEventListener('DOMContentLoaded', () => {
  const summary = document.querySelector('[data-autofocus="true"]');
  if (summary) summary.focus();
});

// "Has anyone done this before?": while a new need or initiative is written, the panel's list follows its title and text.
// Without this script the panel's button posts the form and the page shows the same list.
document.addEventListener('DOMContentLoaded', () => {
  const panel = document.querySelector('[data-similar-for]');
  if (!panel) return;
  const title = document.getElementById(panel.dataset.similarTitle);
  const text = document.getElementById(panel.dataset.similarText);
  const results = panel.querySelector('#similar-results');
  if (!title || !text || !results) return;
  let timer = 0;
  let last = '';
  const update = async () => {
    const query = new URLSearchParams({ for: panel.dataset.similarFor, title: title.value, text: text.value });
    if (query.toString() === last || (title.value + text.value).trim().length < 4) return;
    last = query.toString();
    try {
      const response = await fetch('/search/similar?' + query, { headers: { Accept: 'text/html' } });
      if (response.ok && last === query.toString()) results.innerHTML = await response.text();
    } catch { /* offline or slow: the button still works */ }
  };
  for (const field of [title, text]) {
    field.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(update, 600); });
  }
});
