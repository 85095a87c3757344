// The overview: counts by status and the backlog, kept live by the Server-Sent Events of
// api/overview/stream; below, the failed runs and deliveries that need a look.
'use strict';

(() => {
  const { api, el, badge, time, shortClass, failure, pager, query } = Console;
  const main = document.getElementById('main');

  const liveLabel = el('span', { class: 'live', id: 'live' }, 'connecting');
  const cards = el('div', { class: 'cards', id: 'counts' });
  const failedRuns = el('div');
  const failedDeliveries = el('div');
  main.append(el('h1', {}, 'Overview', liveLabel), cards,
    el('div', { class: 'split' },
      el('section', {}, el('h2', {}, 'Failed runs'), failedRuns),
      el('section', {}, el('h2', {}, 'Failed deliveries'), failedDeliveries)));

  function countsCard(title, counts, link) {
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    return el('div', { class: 'card', 'data-card': title.toLowerCase() },
      el('h2', {}, title + ' · ' + total),
      el('div', { class: 'counts' }, Object.entries(counts).map(([status, count]) =>
        el('div', { class: 'count', 'data-status': status },
          el('b', {}, link ? el('a', { href: link(status) }, count) : count), el('small', {}, status)))));
  }

  function backlogCard(backlog) {
    return el('div', { class: 'card', 'data-card': 'backlog' },
      el('h2', {}, 'Scheduler backlog'),
      el('dl', { class: 'facts' },
        el('dt', {}, 'Due, not yet picked'), el('dd', { id: 'backlog-due' }, backlog.due),
        el('dt', {}, 'Oldest due'), el('dd', {}, time(backlog.oldestDue)),
        el('dt', {}, 'Running now'), el('dd', {}, backlog.running),
        el('dt', {}, 'Failing executions'), el('dd', {}, backlog.failing.length)),
      backlog.failing.length === 0 ? null : el('ul', {}, backlog.failing.slice(0, 5).map(f =>
        el('li', { class: 'mono' }, f.task + ' ' + f.instance + ' — ' + f.consecutiveFailures + ' failures, next ' + time(f.nextAttempt)))));
  }

  function draw(overview) {
    cards.replaceChildren(
      countsCard('Events', overview.events, status => 'events?status=' + status),
      countsCard('Deliveries', overview.deliveries, null),
      countsCard('Runs', overview.runs, status => 'runs?status=' + status),
      backlogCard(overview.backlog));
    liveLabel.textContent = 'live · ' + time(overview.now);
  }

  api('api/overview').then(draw).catch(error => Console.showError(main, error));
  const stream = new EventSource('api/overview/stream');
  stream.addEventListener('overview', message => { liveLabel.classList.add('on'); draw(JSON.parse(message.data)); });
  stream.onerror = () => { liveLabel.classList.remove('on'); liveLabel.textContent = 'reconnecting'; };

  pager(failedRuns, cursor => api('api/runs?' + query({ status: 'FAILED', limit: 10, cursor })), runs =>
    runs.length === 0 ? el('div', { class: 'card empty' }, 'No failed runs.') :
      el('table', {}, el('tr', {}, el('th', {}, 'Run'), el('th', {}, 'Step'), el('th', {}, 'Why')),
        runs.map(run => el('tr', {},
          el('td', {}, el('a', { href: 'run?id=' + encodeURIComponent(run.id) }, run.workflow),
            el('div', { class: 'mono' }, run.id.substring(0, 8))),
          el('td', { class: 'mono' }, run.step), el('td', {}, failure(run.error))))));

  pager(failedDeliveries, cursor => api('api/deliveries?' + query({ status: 'FAILED', limit: 10, cursor })), deliveries =>
    deliveries.length === 0 ? el('div', { class: 'card empty' }, 'No failed deliveries.') :
      el('table', {}, el('tr', {}, el('th', {}, 'Handler'), el('th', {}, 'Attempts'), el('th', {}, 'Last error')),
        deliveries.map(d => el('tr', {},
          el('td', { class: 'mono' }, shortClass(d.subscriber)), el('td', {}, d.attempts), el('td', {}, failure(d.lastError))))));
})();
