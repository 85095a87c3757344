// Runs: filter by workflow, status and entity; each opens its page.
'use strict';

(() => {
  const { api, el, badge, time, shortClass, pager, query } = Console;
  const main = document.getElementById('main');
  const params = new URLSearchParams(location.search);
  const field = (name, label, attributes) => el('label', {}, label,
    el('input', Object.assign({ name, id: 'f-' + name, value: params.get(name) || '' }, attributes || {})));

  const form = el('form', { class: 'filters', method: 'get' },
    field('workflow', 'Workflow', { placeholder: 'smart_lock_setup' }),
    el('label', {}, 'Status', el('select', { name: 'status', id: 'f-status' },
      ['', 'RUNNING', 'WAITING', 'SLEEPING', 'COMPLETED', 'FAILED', 'CANCELLED'].map(s =>
        el('option', { value: s, selected: params.get('status') === s }, s ? s.toLowerCase() : 'any')))),
    field('entityType', 'Entity type (class name)', { class: 'wide', placeholder: 'com.example.Reservation' }),
    field('entityId', 'Entity id', { placeholder: '42' }),
    el('button', { type: 'submit' }, 'Filter'));
  const results = el('div', { id: 'results' });
  main.append(el('h1', {}, 'Workflow runs'), form, results);

  const criteria = {};
  for (const name of ['workflow', 'status', 'entityType', 'entityId']) criteria[name] = params.get(name);

  function render(runs) {
    if (runs.length === 0) return el('div', { class: 'card empty' }, 'No runs match.');
    return el('table', { id: 'runs' },
      el('tr', {}, ['Workflow', 'Status', 'Step', 'Entity', 'Started', 'Last change'].map(h => el('th', {}, h))),
      runs.map(run => el('tr', { 'data-run': run.id },
        el('td', {}, el('a', { href: 'run?id=' + encodeURIComponent(run.id) }, run.workflow),
          el('div', { class: 'mono live' }, run.id.substring(0, 8))),
        el('td', {}, badge(run.status), run.waitingFor ? el('div', { class: 'live' }, 'for ' + run.waitingFor) : null),
        el('td', { class: 'mono' }, run.step, run.attempt > 1 ? ' (attempt ' + run.attempt + ')' : ''),
        el('td', {}, run.entityType ? el('a', { href: 'events?' + query({ entityType: run.entityType, entityId: run.entityId }) },
          shortClass(run.entityType) + ' ' + run.entityId) : 'started by hand'),
        el('td', {}, time(run.createdAt)), el('td', {}, time(run.updatedAt)))));
  }

  pager(results, cursor => api('api/runs?' + query(Object.assign({ limit: 50, cursor }, criteria))), render);
})();
