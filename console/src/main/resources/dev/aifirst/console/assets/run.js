// One run: what it is, its context (pretty JSON), its step timeline, its parent and children.
'use strict';

(() => {
  const { api, el, badge, time, duration, shortClass, failure, pager, query } = Console;
  const main = document.getElementById('main');
  const id = new URLSearchParams(location.search).get('id');

  function runLink(run) {
    return el('span', {}, el('a', { href: 'run?id=' + encodeURIComponent(run.id) }, run.workflow), ' ', badge(run.status),
      ' ', el('span', { class: 'mono live' }, run.id.substring(0, 8)));
  }

  function facts(run, parent) {
    return el('dl', { class: 'facts' },
      el('dt', {}, 'Status'), el('dd', { id: 'run-status' }, badge(run.status),
        run.waitingFor ? ' waiting for ' + run.waitingFor : '', run.wakeAt ? ' until ' + time(run.wakeAt) : ''),
      el('dt', {}, 'Current step'), el('dd', { class: 'mono' }, run.step + (run.attempt > 1 ? ' (attempt ' + run.attempt + ')' : '')),
      el('dt', {}, 'Version'), el('dd', {}, run.version),
      el('dt', {}, 'Entity'), el('dd', {}, run.entityType ? el('a', { href: 'events?' + query({ entityType: run.entityType, entityId: run.entityId }) },
        shortClass(run.entityType) + ' ' + run.entityId) : 'started by hand'),
      el('dt', {}, 'Started'), el('dd', {}, time(run.createdAt)),
      el('dt', {}, 'Last change'), el('dd', {}, time(run.updatedAt)),
      run.progress !== null ? [el('dt', {}, 'Progress'), el('dd', {}, Math.round(run.progress * 100) + ' %')] : null,
      parent ? [el('dt', {}, 'Parent'), el('dd', {}, runLink(parent))] : null,
      run.error ? [el('dt', {}, 'Failure'), el('dd', {}, failure(run.error))] : null);
  }

  function context(run) {
    if (run.detailsHidden) return el('div', { class: 'card empty' }, 'The context is shown to callers with the console token.');
    return el('div', {}, el('pre', { class: 'json', id: 'context' }, JSON.stringify(run.context, null, 2)),
      run.result !== null ? [el('h2', { style: 'margin-top: 14px' }, 'Result'), el('pre', { class: 'json' }, JSON.stringify(run.result, null, 2))] : null);
  }

  function timeline(run) {
    return steps => {
      if (steps.length === 0) return el('div', { class: 'card empty' }, 'No step has run yet.');
      const items = steps.map(step => el('li', { class: step.error ? 'failed' : '' },
        el('div', {}, el('span', { class: 'step mono' }, step.step), step.display ? ' — ' + step.display : '',
          step.attempt > 1 ? el('span', { class: 'badge s-SLEEPING', style: 'margin-left: 8px' }, 'attempt ' + step.attempt) : null),
        el('div', { class: 'when' }, time(step.startedAt), ' · ', duration(step.durationMillis), ' · ',
          el('span', { class: 'mono' }, step.outcome)),
        failure(step.error)));
      if (!run.status.match(/COMPLETED|FAILED|CANCELLED/)) {
        items.push(el('li', { class: 'current' }, el('span', { class: 'step mono' }, run.step), ' ', badge(run.status),
          run.waitingFor ? el('div', { class: 'when' }, 'waiting for ' + run.waitingFor + (run.wakeAt ? ' until ' + time(run.wakeAt) : '')) :
            run.wakeAt ? el('div', { class: 'when' }, 'until ' + time(run.wakeAt)) : null));
      }
      return el('ol', { class: 'timeline', id: 'timeline' }, items);
    };
  }

  api('api/runs/' + encodeURIComponent(id)).then(page => {
    const run = page.run;
    document.title = run.workflow + ' · AI-First console';
    const history = el('div');
    const children = el('div');
    main.append(el('h1', {}, run.workflow, ' ', el('span', { class: 'mono live' }, run.id)),
      el('div', { class: 'split' },
        el('section', { class: 'card' }, el('h2', {}, 'Run'), facts(run, page.parent)),
        el('section', { class: 'card' }, el('h2', {}, 'Context'), context(run))),
      el('h2', { style: 'margin-top: 22px' }, 'Step history'), history,
      el('h2', { style: 'margin-top: 22px' }, 'Child runs'), children);
    pager(history, cursor => api('api/runs/' + encodeURIComponent(id) + '/history?' + query({ limit: 100, cursor })), timeline(run));
    pager(children, cursor => api('api/runs/' + encodeURIComponent(id) + '/children?' + query({ limit: 20, cursor })), runs =>
      runs.length === 0 ? el('div', { class: 'card empty' }, 'None.') :
        el('ul', {}, runs.map(child => el('li', {}, runLink(child)))));
  }).catch(error => Console.showError(main, error));
})();
