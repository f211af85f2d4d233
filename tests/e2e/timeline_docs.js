// Documents for the timeline tests and screenshots: a 30-minute incident, a sample with its timeline first, and a
// stress document of many events over three days.
'use strict';
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
const MIN = 60000;
const T0 = Date.parse('2026-03-02T14:00:00Z');
const iso = (ms) => new Date(ms).toISOString().replace('.000Z', 'Z');

function sample(name) {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'assets', 'samples', name + '.json'), 'utf8'));
}

// A sample with the timeline moved to the top of the editor.
function timelineFirst(name) {
  const d = sample(name);
  d.sections = ['timeline', ...(d.sections || []).filter((s) => s !== 'timeline')];
  return d;
}

// A 30-minute incident, timeline first so that it is on screen without scrolling.
function incident30() {
  const d = sample('sre-checkout-outage');
  d.id = 'timeline-e2e';
  d.title = 'Checkout errors after config push';
  d.sections = ['timeline', 'summary', 'impact', 'action_items'];
  const ev = (m, type, description, author) => ({
    id: 'ev-t' + String(m).padStart(3, '0'), time: iso(T0 + m * MIN), utc_offset: '+01:00', type, description, author,
  });
  d.timeline = [
    ev(0, 'action', 'Deploy of config v42 started', 'deploy-bot'),
    ev(2, 'impact_start', 'Checkout 502s pass 5%', 'Grafana'),
    ev(6, 'detected', 'Alert: checkout error rate high', 'PagerDuty'),
    ev(9, 'acknowledged', 'On-call acknowledges the page', 'PagerDuty'),
    ev(12, 'communication', 'Status page: investigating checkout errors', 'Status page'),
    ev(15, 'escalated', 'Payments team paged', 'PagerDuty'),
    ev(19, 'action', 'Rolled back config v42', 'deploy-bot'),
    ev(22, 'mitigated', 'Error rate back under 1%', 'Grafana'),
    ev(26, 'note', 'Retry budget was set to zero by v42', 'Incident channel'),
    ev(30, 'resolved', 'All checkout metrics normal for 5 minutes', 'Grafana'),
  ];
  return d;
}

// n events over three days (deterministic), with the five milestones.
function stress(n) {
  const d = incident30();
  d.id = 'timeline-stress';
  d.title = `Stress: ${n.toLocaleString('en')} events over three days`;
  const types = ['action', 'communication', 'note', 'escalated', 'action', 'note'];
  const words = ['Deploy of config', 'Error rate at', 'Paged on-call for', 'Rolled back', 'Status update', 'Cache ratio'];
  let seed = 12345;
  const rnd = () => (seed = (seed * 1664525 + 1013904223) >>> 0);
  d.timeline = [];
  for (let i = 0; i < n; i++) {
    const w = rnd() % types.length;
    d.timeline.push({ id: 'ev-s' + i, time: iso(T0 + Math.floor((rnd() % 1000000) / 1e6 * 3 * 1440) * MIN),
      utc_offset: '+01:00', type: types[w], description: `${words[w]} v${rnd() % 100}`, author: 'source-' + (rnd() % 20) });
  }
  const ms = [['impact_start', 0], ['detected', 25], ['acknowledged', 40], ['mitigated', 2 * 1440], ['resolved', 3 * 1440 - 60]];
  ms.forEach(([type, m], i) => { d.timeline[i].type = type; d.timeline[i].time = iso(T0 + m * MIN); });
  d.timeline.sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
  return d;
}

module.exports = { MIN, T0, iso, incident30, timelineFirst, stress };
