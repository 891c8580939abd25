// The order form's product lines: add and remove them. Without JavaScript the form still works with one line.
(function () {
  'use strict';
  var lines = document.getElementById('order-lines');
  var add = document.getElementById('add-line');
  if (!lines || !add) { return; }

  function refreshButtons() {
    var rows = lines.querySelectorAll('li.line');
    rows.forEach(function (row) { row.querySelector('.remove-line').hidden = rows.length === 1; });
  }

  add.addEventListener('click', function () {
    var copy = lines.querySelector('li.line').cloneNode(true);
    copy.classList.remove('invalid');
    copy.querySelectorAll('.error').forEach(function (e) { e.remove(); });
    copy.querySelectorAll('.invalid').forEach(function (e) { e.classList.remove('invalid'); });
    copy.querySelectorAll('select').forEach(function (s) { s.selectedIndex = 0; });
    copy.querySelectorAll('input').forEach(function (i) { i.value = i.name === 'quantity' ? '1' : ''; });
    lines.appendChild(copy);
    refreshButtons();
    var first = copy.querySelector('select, input');
    if (first) { first.focus(); }
  });

  lines.addEventListener('click', function (event) {
    var button = event.target.closest('.remove-line');
    if (!button || lines.querySelectorAll('li.line').length === 1) { return; }
    button.closest('li.line').remove();
    refreshButtons();
  });

  refreshButtons();
})();
