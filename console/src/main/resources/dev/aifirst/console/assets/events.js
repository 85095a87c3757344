// Events: search by entity, name, status and due dates; a row opens its deliveries.
'use strict';

(() => {
  const { api, el, badge, time, shortClass, failure, pager, query } = Console;
  const main = document.getElementById('main');
  const params = new URLSearchParams(location.search);
  const field = (name, label, attributes) => el('label', {}, label,
    el('input', Object.assign({ name, id: 'f-' + name, value: params.get(name) || '' }, attributes || {})));

  const form = el('form', { class: 'filters', method: 'get' },
    field('entityType', 'Entity type (class name)', { class: 'wide', placeholder: 'com.example.Reservation' }),
    field('entityId', 'Entity id', { placeholder: '42' }),
    field('name', 'Event name', { placeholder: 'checkin_due' }),
    el('label', {}, 'Status', el('select', { name: 'status', id: 'f-status' },
      ['', 'PENDING', 'OCCURRED', 'CANCELLED'].map(s =>
        el('option', { value: s, selected: params.get('status') === s }, s ? s.toLowerCase() : 'any')))),
    field('dueFrom', 'Due from', { type: 'date' }),
    field('dueBefore', 'Due before', { type: 'date' }),
    el('button', { type: 'submit' }, 'Search'));
  const results = el('div', { id: 'results' });
  main.append(el('h1', {}, 'Events'), form, results);

  const criteria = {};
  for (const name of ['entityType', 'entityId', 'name', 'status', 'dueFrom', 'dueBefore']) criteria[name] = params.get(name);

  function deliveriesRow(event, columns) {
    const cell = el('td', { colspan: columns }, 'Loading deliveries…');
    api('api/events/' + event.id + '/deliveries?limit=100').then(page => {
      cell.replaceChildren(page.items.length === 0 ? el('div', { class: 'empty' }, 'No deliveries: no handler received it (yet).') :
        el('table', {}, el('tr', {}, ['Handler', 'Occurrence', 'Status', 'Due', 'Attempts', 'Completed', 'Error or reason'].map(h => el('th', {}, h))),
          page.items.map(d => el('tr', {},
            el('td', { class: 'mono' }, d.subscriber.substring(d.subscriber.lastIndexOf('.') + 1)),
            el('td', {}, '#' + d.occurrence), el('td', {}, badge(d.status)), el('td', {}, time(d.dueAt)),
            el('td', {}, d.attempts), el('td', {}, time(d.completedAt)), el('td', {}, failure(d.lastError))))));
    }).catch(error => { cell.textContent = error.message; });
    return el('tr', { class: 'detail' }, cell);
  }

  function render(events) {
    if (events.length === 0) return el('div', { class: 'card empty' }, 'No events match.');
    const header = ['', 'Event', 'Entity', 'Status', 'Due', 'Occurred', 'Note'];
    const rows = [];
    for (const event of events) {
      const toggle = el('span', { class: 'expand', title: 'Deliveries' }, '▸');
      const row = el('tr', { 'data-event': event.id },
        el('td', {}, toggle),
        el('td', { class: 'mono' }, event.name, event.namespace !== '*' ? el('div', { class: 'live' }, event.namespace) : null),
        el('td', {}, el('a', { href: 'events?' + query({ entityType: event.entityType, entityId: event.entityId }) },
          shortClass(event.entityType) + ' ' + event.entityId)),
        el('td', {}, badge(event.status)), el('td', {}, time(event.dueAt)),
        el('td', {}, event.occurredAt ? time(event.occurredAt) + (event.occurrence > 1 ? ' (×' + event.occurrence + ')' : '') : '—'),
        el('td', {}, event.note || ''));
      let detail = null;
      toggle.addEventListener('click', () => {
        if (detail) { detail.remove(); detail = null; toggle.textContent = '▸'; return; }
        detail = deliveriesRow(event, header.length);
        row.after(detail);
        toggle.textContent = '▾';
      });
      rows.push(row);
    }
    return el('table', { id: 'events' }, el('tr', {}, header.map(h => el('th', {}, h))), rows);
  }

  pager(results, cursor => api('api/events?' + query(Object.assign({ limit: 50, cursor }, criteria))), render);
})();
