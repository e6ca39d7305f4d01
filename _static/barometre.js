/* The barometer book's page behaviour (no network, no dependency):
   - explorer sliders show their value the French way, with its unit (« 8 % », « −50 % »);
   - a number's provenance opens on hover, on keyboard focus and on a first tap (a second tap follows the link);
   - the annex entry reached by a link offers a way back to the text. */
(function () {
  "use strict";
  var MINUS = "\u2212", NBSP = "\u00a0", NNBSP = "\u202f";
  var decimal = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });

  function frenchPercent(share) {
    var x = Math.round(share * 1000) / 10;
    if (x === 0) x = 0; // no « −0 % »
    return decimal.format(x).replace(/[-\u2212]/g, MINUS).replace(/[ \u00a0\u202f]/g, NNBSP) + NBSP + "%";
  }
  window.barometreFrenchPercent = frenchPercent;

  var FORMATS = { percent: frenchPercent };

  var watchCharts = function () {}; // set by refitCharts
  var views = new WeakMap(); // a chart's box → its Vega view (vega-embed's result)

  /* Called by each chart once drawn, with its Vega view (see barometre.charts.web.chart_html). */
  window.barometreChart = function (figure, view) {
    if (!figure) return;
    var box = figure.querySelector(".vega-chart");
    if (box && view) views.set(box, view);
    watchCharts(figure);
    // The chart's box carries its description (role="img", aria-label, and the caption): the drawing's
    // marks stay out of the accessibility tree instead of each announcing an unnamed image.
    figure.querySelectorAll(".vega-chart svg").forEach(function (svg) { svg.setAttribute("aria-hidden", "true"); });
    if (!figure.dataset.sliders) return;
    var formats = JSON.parse(figure.dataset.sliders);
    figure.querySelectorAll("input[type=range]").forEach(function (input) {
      var format = FORMATS[formats[input.name]];
      if (!format) return;
      var label = input.parentNode;
      label.querySelectorAll("span:not(.vega-bind-name)").forEach(function (raw) {
        raw.hidden = true; // Vega's own value, « 0.08 »
      });
      var out = document.createElement("output");
      out.className = "slider-value";
      out.setAttribute("aria-hidden", "true"); // read through aria-valuetext
      var show = function () {
        var text = format(+input.value);
        out.textContent = text;
        input.setAttribute("aria-valuetext", text);
      };
      input.addEventListener("input", show);
      input.after(out);
      show();
    });
  };

  /* Provenance tooltips. */
  var tip = null, current = null;
  function tipElement() {
    if (!tip) {
      tip = document.createElement("div");
      tip.id = "barometre-tip";
      tip.className = "barometre-tip";
      tip.setAttribute("role", "tooltip");
      tip.hidden = true;
      document.body.appendChild(tip);
    }
    return tip;
  }
  function showTip(link) {
    var t = tipElement();
    t.textContent = link.dataset.tip;
    t.hidden = false;
    link.setAttribute("aria-describedby", t.id);
    var r = link.getBoundingClientRect(), page = document.documentElement.clientWidth;
    var left = Math.min(r.left, page - t.offsetWidth - 8);
    t.style.left = Math.max(8, left) + window.scrollX + "px";
    t.style.top = r.bottom + window.scrollY + 6 + "px";
    current = link;
  }
  function hideTip() {
    if (tip) tip.hidden = true;
    if (current) current.removeAttribute("aria-describedby");
    current = null;
  }
  function setupTooltips() {
    document.querySelectorAll("a.provenance[title]").forEach(function (link) {
      link.dataset.tip = link.getAttribute("title");
      link.removeAttribute("title"); // one tooltip, not the browser's as well
      var openBeforeTap = false, touch = false;
      link.addEventListener("mouseenter", function () { showTip(link); });
      link.addEventListener("mouseleave", function () { if (!touch) hideTip(); });
      link.addEventListener("focus", function () { showTip(link); });
      link.addEventListener("blur", hideTip);
      link.addEventListener("pointerdown", function (e) {
        touch = e.pointerType === "touch" || e.pointerType === "pen";
        openBeforeTap = current === link && tip && !tip.hidden;
      });
      link.addEventListener("click", function (e) {
        if (touch && !openBeforeTap) { // first tap: show the provenance; the next tap follows the link
          e.preventDefault();
          showTip(link);
        }
        touch = false;
      });
    });
    document.addEventListener("keydown", function (e) { if (e.key === "Escape") hideTip(); });
    document.addEventListener("pointerdown", function (e) {
      if (current && !current.contains(e.target)) hideTip();
    });
  }

  /* The annex entry reached by a link: highlighted by CSS (:target), with a way back to the text. */
  function backLink() {
    var old = document.querySelector(".back-to-text");
    if (old) old.remove();
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id.startsWith("fig-")) return;
    var entry = document.getElementById(id);
    if (!entry) return;
    var back = document.createElement("a");
    back.className = "back-to-text";
    back.textContent = "\u2190 Revenir au texte";
    var from = document.referrer && document.referrer.split("#")[0] !== location.href.split("#")[0];
    back.href = from ? document.referrer : "index.html";
    back.addEventListener("click", function (e) {
      if (history.length > 1) { e.preventDefault(); history.back(); }
    });
    entry.appendChild(document.createElement("br"));
    entry.appendChild(back);
  }

  /* A chart that takes its box's width (Vega's containerSize, read on window resize) can read the box
     before the page's layout has followed the new window width: widened from a phone's width to a
     desktop's, every such chart was drawn 1632 px wide in a 672 px column, cut by its box. Once the
     layout has settled (its boxes resized), a drawing wider than its box gets one more resize.
     The drawings are watched as well as their boxes: on a loaded machine Vega can draw at a width it
     read before the layout settled after the boxes last changed, and then only the drawing changes. */
  function refitCharts() {
    if (!window.ResizeObserver) return;
    var pending = false;
    var observer = new ResizeObserver(function () {
      if (pending) return;
      pending = true;
      requestAnimationFrame(function () {
        pending = false;
        var wide = [].filter.call(document.querySelectorAll(".vega-chart"), function (box) {
          var svg = box.querySelector("svg");
          return svg && svg.getBoundingClientRect().width > box.clientWidth + 1;
        });
        if (!wide.length) return;
        window.dispatchEvent(new Event("resize")); // each chart reads its box's width again (titles, heights)
        // Vega fits a chart (autosize fit-x) to the width its width signal last asked for, and sets
        // that signal to the plot's width. A box read mid-layout (744 px, then 672) left the signal
        // at 744 less the axes: 672, the new box's width, so that asking 672 again changed nothing
        // and neither a resize event nor view.resize() fitted the drawing again (744 px in 672, at
        // random under load). The signal is moved off that value first, then set to the box's width.
        wide.forEach(function (box) {
          var view = views.get(box);
          if (!view) return;
          var width = (view.container() || box).clientWidth;
          if (view.width() === width) view.width(width + 1);
          view.width(width).runAsync();
        });
      });
    });
    watchCharts = function (root) {
      root.querySelectorAll(".vega-chart").forEach(function (box) {
        observer.observe(box);
        var svg = box.querySelector("svg");
        if (svg) observer.observe(svg); // drawn: its own size is watched too (observing twice is harmless)
      });
    };
    watchCharts(document);
  }

  document.addEventListener("DOMContentLoaded", function () {
    refitCharts();
    setupTooltips();
    backLink();
    window.addEventListener("hashchange", backLink);
  });
})();
