/**
 * Progressive enhancement for the filters. Without JavaScript the filter panel stays `hidden` and every provision
 * and finding is shown; with it, items (`data-filter`) are hidden unless they match every filter, and a group
 * (`data-filter-group`) is hidden when none of its items is left. ES5 on purpose: it runs in any browser a
 * test lab might open the file with, and it is hashed into the page's Content-Security-Policy.
 */
export const FILTER_SCRIPT = `
(function () {
  'use strict';
  var panel = document.getElementById('filters');
  var form = document.getElementById('filter-form');
  var status = document.getElementById('filter-status');
  if (!panel || !form || !status || !document.querySelectorAll) return;
  var items = Array.prototype.slice.call(document.querySelectorAll('[data-filter]'));
  var groups = Array.prototype.slice.call(document.querySelectorAll('[data-filter-group]'));
  function listHas(list, wanted) {
    return wanted === '' || (' ' + (list || '') + ' ').indexOf(' ' + wanted + ' ') !== -1;
  }
  function value(name) {
    var field = form.elements.namedItem(name);
    return field ? String(field.value) : '';
  }
  function apply() {
    var verdict = value('verdict'), severity = value('severity'), guideline = value('guideline');
    var text = value('text').replace(/^\\s+|\\s+$/g, '').toLowerCase();
    var shown = 0;
    items.forEach(function (item) {
      var match = listHas(item.getAttribute('data-verdict'), verdict)
        && listHas(item.getAttribute('data-severity'), severity)
        && listHas(item.getAttribute('data-guideline'), guideline)
        && (text === '' || item.textContent.toLowerCase().indexOf(text) !== -1);
      item.hidden = !match;
      if (match) shown += 1;
    });
    groups.forEach(function (group) {
      group.hidden = group.querySelector('[data-filter]:not([hidden])') === null;
    });
    status.textContent = shown === items.length
      ? 'Showing all ' + items.length + ' provisions and findings.'
      : 'Showing ' + shown + ' of ' + items.length + ' provisions and findings.';
  }
  form.addEventListener('input', apply);
  form.addEventListener('change', apply);
  form.addEventListener('submit', function (event) { event.preventDefault(); apply(); });
  form.addEventListener('reset', function () { window.setTimeout(apply, 0); });
  panel.hidden = false;
  apply();
})();
`.trim();
