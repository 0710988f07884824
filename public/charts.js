// The analytics charts, drawn with D3 (vendored in /vendor/d3.min.js, loaded by the analytics
// page) and called from the Leptos client through wasm-bindgen:
//   drawChart(element, kind, json)   kind: progress | averages | distribution | skills | pace
// Each chart has a title (the figure's caption), axis labels, a tooltip on every point and bar
// (an SVG <title>), and redraws itself when its box changes size. The same numbers are in a
// table next to it, which is what screen readers and JavaScript-free browsers get.

const HEIGHT = 260;
const MARGIN = { top: 16, right: 16, bottom: 44, left: 52 };
const COLORS = { correctness: '#2455d6', relevance: '#e8730c', muted: '#b9c0cc', mine: '#e8730c' };

const drawn = new WeakMap();

export function drawChart(element, kind, json) {
  const data = JSON.parse(json);
  drawn.set(element, { kind, data });
  whenD3(() => {
    render(element);
    if (!element.__resizeObserved) {
      element.__resizeObserved = true;
      let width = element.clientWidth;
      new ResizeObserver(() => {
        if (element.clientWidth !== width) {
          width = element.clientWidth;
          render(element);
        }
      }).observe(element);
    }
  });
}

function whenD3(callback) {
  if (globalThis.d3) return callback();
  const script = document.querySelector('script[data-d3]');
  if (script) script.addEventListener('load', callback, { once: true });
}

function render(element) {
  const { kind, data } = drawn.get(element);
  const d3 = globalThis.d3;
  element.replaceChildren();
  const width = Math.max(280, element.clientWidth || 480);
  const svg = d3
    .select(element)
    .append('svg')
    .attr('viewBox', `0 0 ${width} ${HEIGHT}`)
    .attr('width', width)
    .attr('height', HEIGHT)
    .attr('aria-hidden', 'true');
  const inner = { w: width - MARGIN.left - MARGIN.right, h: HEIGHT - MARGIN.top - MARGIN.bottom };
  const g = svg.append('g').attr('transform', `translate(${MARGIN.left},${MARGIN.top})`);
  ({ progress, averages, distribution, skills, pace })[kind](d3, g, inner, data);
}

function axes(d3, g, inner, x, y, xLabel, yLabel) {
  g.append('g').attr('class', 'axis x').attr('transform', `translate(0,${inner.h})`).call(d3.axisBottom(x).ticks(Math.min(10, inner.w / 50)));
  g.append('g').attr('class', 'axis y').call(d3.axisLeft(y).ticks(5).tickFormat((v) => `${v}%`));
  g.append('text').attr('class', 'axis-label').attr('x', inner.w / 2).attr('y', inner.h + 36).attr('text-anchor', 'middle').text(xLabel);
  g.append('text')
    .attr('class', 'axis-label')
    .attr('transform', 'rotate(-90)')
    .attr('x', -inner.h / 2)
    .attr('y', -40)
    .attr('text-anchor', 'middle')
    .text(yLabel);
}

const percentScale = (d3, inner) => d3.scaleLinear().domain([0, 100]).range([inner.h, 0]);

// Correctness and relevance of each evaluated answer, in order.
function progress(d3, g, inner, points) {
  const x = d3.scaleLinear().domain([1, Math.max(2, points.length)]).range([0, inner.w]);
  const y = percentScale(d3, inner);
  axes(d3, g, inner, x.copy().nice(), y, 'Answer', 'Score');
  for (const [key, color, label] of [
    ['correctness', COLORS.correctness, 'Correctness'],
    ['relevance', COLORS.relevance, 'Role relevance'],
  ]) {
    g.append('path')
      .datum(points)
      .attr('class', `line ${key}`)
      .attr('fill', 'none')
      .attr('stroke', color)
      .attr('stroke-width', 2)
      .attr('d', d3.line().x((p) => x(p.number)).y((p) => y(p[key])));
    g.selectAll(`circle.${key}`)
      .data(points)
      .join('circle')
      .attr('class', `point ${key}`)
      .attr('cx', (p) => x(p.number))
      .attr('cy', (p) => y(p[key]))
      .attr('r', 4)
      .attr('fill', color)
      .append('title')
      .text((p) => `Answer ${p.number} (${p.skill}): ${label.toLowerCase()} ${p[key]}%`);
  }
}

function bars(d3, g, inner, rows, xLabel, yLabel, valueLabel, color) {
  const x = d3.scaleBand().domain(rows.map((r) => r.label)).range([0, inner.w]).padding(0.25);
  const y = d3.scaleLinear().domain([0, d3.max(rows, (r) => r.value) || 1]).nice().range([inner.h, 0]);
  g.append('g').attr('class', 'axis x').attr('transform', `translate(0,${inner.h})`).call(d3.axisBottom(x));
  g.append('g').attr('class', 'axis y').call(d3.axisLeft(y).ticks(5).tickFormat(valueLabel.tick));
  g.append('text').attr('class', 'axis-label').attr('x', inner.w / 2).attr('y', inner.h + 36).attr('text-anchor', 'middle').text(xLabel);
  g.append('text').attr('class', 'axis-label').attr('transform', 'rotate(-90)').attr('x', -inner.h / 2).attr('y', -40).attr('text-anchor', 'middle').text(yLabel);
  g.selectAll('rect.bar')
    .data(rows)
    .join('rect')
    .attr('class', (r) => (r.mine ? 'bar mine' : 'bar'))
    .attr('x', (r) => x(r.label))
    .attr('y', (r) => y(r.value))
    .attr('width', x.bandwidth())
    .attr('height', (r) => inner.h - y(r.value))
    .attr('fill', (r) => (r.mine ? COLORS.mine : color(r)))
    .append('title')
    .text((r) => valueLabel.tooltip(r));
}

// Average correctness next to average role relevance.
function averages(d3, g, inner, data) {
  const rows = [
    { label: 'Correctness', value: data.correctness ?? 0 },
    { label: 'Role relevance', value: data.relevance ?? 0 },
  ];
  const percent = { tick: (v) => `${v}%`, tooltip: (r) => `Average ${r.label.toLowerCase()}: ${r.value.toFixed(1)}%` };
  bars(d3, g, inner, rows, 'Average over your evaluated answers', 'Percent', percent, (r) =>
    r.label === 'Correctness' ? COLORS.correctness : COLORS.relevance,
  );
}

// Every ranked candidate's average correctness, in bins; the candidate's bin is marked.
function distribution(d3, g, inner, bins) {
  const rows = bins.map((b) => ({ label: `${b.from}–${b.to}`, value: b.candidates, mine: b.yours }));
  const count = {
    tick: (v) => (Number.isInteger(v) ? String(v) : ''),
    tooltip: (r) => `${r.value} candidate${r.value === 1 ? '' : 's'} averaging ${r.label}%${r.mine ? ' (you)' : ''}`,
  };
  bars(d3, g, inner, rows, 'Average correctness (%)', 'Candidates', count, () => COLORS.muted);
}

// Average correctness per skill (skills without an evaluated answer show no bar).
function skills(d3, g, inner, rows) {
  const data = rows.map((r) => ({ label: r.skill, value: r.correctness ?? 0, questions: r.questions, none: r.correctness == null }));
  const percent = {
    tick: (v) => `${v}%`,
    tooltip: (r) => (r.none ? `${r.label}: no evaluated answer yet` : `${r.label}: ${r.value.toFixed(1)}% over ${r.questions} question${r.questions === 1 ? '' : 's'}`),
  };
  bars(d3, g, inner, data, 'Skill', 'Average correctness', percent, () => COLORS.correctness);
  g.selectAll('.axis.x text').attr('transform', 'rotate(-20)').attr('text-anchor', 'end');
}

// Words per minute of each spoken answer, in order, over the comfortable band (110-170).
const COMFORTABLE_PACE = [110, 170];
function pace(d3, g, inner, points) {
  const x = d3.scaleLinear().domain(d3.extent(points, (p) => p.number)).range([0, inner.w]);
  if (points.length < 2) x.domain([points[0].number - 1, points[0].number + 1]);
  const top = Math.max(220, d3.max(points, (p) => p.words_per_minute) || 0);
  const y = d3.scaleLinear().domain([0, top]).nice().range([inner.h, 0]);
  g.append('rect')
    .attr('class', 'band')
    .attr('x', 0)
    .attr('width', inner.w)
    .attr('y', y(COMFORTABLE_PACE[1]))
    .attr('height', y(COMFORTABLE_PACE[0]) - y(COMFORTABLE_PACE[1]))
    .attr('fill', COLORS.muted)
    .attr('opacity', 0.35)
    .append('title')
    .text(`Comfortable pace: ${COMFORTABLE_PACE[0]}-${COMFORTABLE_PACE[1]} words per minute`);
  g.append('g').attr('class', 'axis x').attr('transform', `translate(0,${inner.h})`).call(d3.axisBottom(x).ticks(Math.min(10, points.length + 1)).tickFormat(d3.format('d')));
  g.append('g').attr('class', 'axis y').call(d3.axisLeft(y).ticks(5));
  g.append('text').attr('class', 'axis-label').attr('x', inner.w / 2).attr('y', inner.h + 36).attr('text-anchor', 'middle').text('Answer');
  g.append('text').attr('class', 'axis-label').attr('transform', 'rotate(-90)').attr('x', -inner.h / 2).attr('y', -40).attr('text-anchor', 'middle').text('Words per minute');
  g.append('path')
    .datum(points)
    .attr('class', 'line pace')
    .attr('fill', 'none')
    .attr('stroke', COLORS.correctness)
    .attr('stroke-width', 2)
    .attr('d', d3.line().x((p) => x(p.number)).y((p) => y(p.words_per_minute)));
  g.selectAll('circle.pace')
    .data(points)
    .join('circle')
    .attr('class', 'point pace')
    .attr('cx', (p) => x(p.number))
    .attr('cy', (p) => y(p.words_per_minute))
    .attr('r', 4)
    .attr('fill', COLORS.correctness)
    .append('title')
    .text((p) => `Answer ${p.number} (${p.skill}): ${p.words_per_minute} words per minute, ${p.fillers} filler${p.fillers === 1 ? '' : 's'}`);
}
