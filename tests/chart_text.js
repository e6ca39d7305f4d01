// Every chart's text boxes in the page (SVG <text> of the Vega charts): which overlap, which leave the chart.
// Returns {charts, texts, overlaps: [...], outside: [...]}; a text hidden by Vega (opacity 0) is not counted.
() => {
  const TOL = 1; // px: boxes that merely touch do not collide
  const visible = (el, svg) => {
    for (let n = el; n && n !== svg; n = n.parentNode) {
      const cs = getComputedStyle(n);
      if (cs.display === "none" || cs.visibility === "hidden" || +cs.opacity === 0) return false;
      if (n.getAttribute && (n.getAttribute("opacity") === "0" || n.getAttribute("fill-opacity") === "0")) return false;
    }
    return el.textContent.trim() !== "";
  };
  const result = { charts: 0, texts: 0, overlaps: [], outside: [] };
  document.querySelectorAll(".vega-chart").forEach((chart) => {
    const svg = chart.querySelector("svg");
    if (!svg) return;
    result.charts += 1;
    const frame = svg.getBoundingClientRect();
    const page = document.documentElement.clientWidth;
    const boxes = [];
    svg.querySelectorAll("text").forEach((t) => {
      if (!visible(t, svg)) return;
      const r = t.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) return;
      boxes.push({ text: t.textContent.trim().slice(0, 60), l: r.left, r: r.right, t: r.top, b: r.bottom });
    });
    result.texts += boxes.length;
    const id = chart.id;
    for (const b of boxes) {
      if (b.l < frame.left - TOL || b.r > frame.right + TOL || b.t < frame.top - TOL || b.b > frame.bottom + TOL
          || b.l < -TOL || b.r > page + TOL) {
        result.outside.push(`${id}: « ${b.text} » [${b.l.toFixed(0)}–${b.r.toFixed(0)}] outside [${frame.left.toFixed(0)}–${Math.min(frame.right, page).toFixed(0)}]`);
      }
    }
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i], b = boxes[j];
        const w = Math.min(a.r, b.r) - Math.max(a.l, b.l), h = Math.min(a.b, b.b) - Math.max(a.t, b.t);
        if (w > TOL && h > TOL) result.overlaps.push(`${id}: « ${a.text} » × « ${b.text} » (${w.toFixed(0)}×${h.toFixed(0)} px)`);
      }
    }
  });
  return result;
}
