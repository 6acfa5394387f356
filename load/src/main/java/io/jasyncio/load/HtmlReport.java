/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.HistogramIterationValue;

/**
 * {@code --report FILE}: one self-contained HTML page (no network, no library) with the runs' latency by percentile
 * on a log-scale percentile axis (as HdrHistogram's plotter draws it), their throughput and p99 second by second, and
 * the settings. The data is embedded as JSON; a small script draws the charts as SVG in the browser, one path per
 * run ({@code <path class="series" data-name="...">}), and marks the page {@code data-rendered="true"} when done.
 */
public final class HtmlReport {
    /** The percentile axis ends here (1/(1-p) = 10^6): 100% itself is at infinity on it. */
    private static final double LAST_PERCENTILE = 99.9999;

    private HtmlReport() {
    }

    /**
     * One measured run: a target, a pass.
     *
     * @param name the target's name, as {@code --compare} gave it (or {@code host:port})
     * @param pass the pass, from 1
     * @param result what it measured
     */
    public record Run(String name, int pass, LoadResult result) {
        /**
         * The run's label on the charts.
         *
         * @param passes how many passes there were
         * @return the name, with the pass when there are several
         */
        public String label(int passes) {
            return passes > 1 ? name + " (pass " + pass + ")" : name;
        }
    }

    /**
     * Writes the page.
     *
     * @param file where to write it; replaced if it exists
     * @param runs the runs, in the order they ran
     * @param passes how many passes over the targets there were
     * @throws UncheckedIOException when the file cannot be written
     */
    public static void write(Path file, List<Run> runs, int passes) {
        try {
            Files.writeString(file, render(runs, passes), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The page's text.
     *
     * @param runs the runs, in the order they ran
     * @param passes how many passes over the targets there were
     * @return the HTML
     */
    public static String render(List<Run> runs, int passes) {
        StringBuilder html = new StringBuilder(16_384);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<title>jasyncio load report</title>\n<style>").append(STYLE).append("</style></head>\n")
                .append("<body data-rendered=\"false\">\n<h1>jasyncio load report</h1>\n<p>")
                .append(text(Instant.now().toString())).append(", ").append(runs.size())
                .append(runs.size() == 1 ? " run" : " runs").append(passes > 1 ? ", " + passes
                        + " interleaved passes" : "").append(".</p>\n");
        settings(html, runs.get(0).result().options());
        summary(html, runs, passes);
        html.append("<h2>Latency by percentile</h2>\n<svg id=\"percentiles\" width=\"960\" height=\"420\"></svg>\n")
                .append("<h2>Throughput, second by second</h2>\n")
                .append("<svg id=\"throughput\" width=\"960\" height=\"320\"></svg>\n")
                .append("<h2>p99 latency, second by second</h2>\n")
                .append("<svg id=\"p99\" width=\"960\" height=\"320\"></svg>\n")
                .append("<script id=\"data\" type=\"application/json\">").append(data(runs, passes).replace("</",
                        "<\\/")).append("</script>\n<script>").append(SCRIPT).append("</script>\n</body></html>\n");
        return html.toString();
    }

    private static void settings(StringBuilder html, LoadOptions o) {
        html.append("<h2>Settings</h2>\n<table id=\"settings\">\n");
        row(html, "workload", o.workload());
        row(html, "mode", o.fixedRate() ? String.format(Locale.ROOT, "fixed rate, %.0f requests/s", o.rate())
                : "closed loop");
        row(html, "connections", String.valueOf(o.connections()));
        row(html, "pipeline", String.valueOf(o.pipeline()));
        row(html, "client loops", String.valueOf(o.loops()));
        row(html, "measured", String.format(Locale.ROOT, "%.1f s after %.1f s of warm-up", o.durationNanos() / 1e9,
                o.warmupNanos() / 1e9));
        row(html, "client", "jasyncio load, " + (o.transport() == null ? "default backend" : o.transport())
                + ", Java " + Runtime.version().feature());
        html.append("</table>\n");
    }

    private static void summary(StringBuilder html, List<Run> runs, int passes) {
        html.append("<h2>Results</h2>\n<table id=\"summary\">\n<tr><th>run</th><th>target</th><th>requests/s</th>")
                .append("<th>p50 µs</th><th>p99 µs</th><th>p99.9 µs</th><th>max µs</th><th>errors</th></tr>\n");
        for (Run r : runs) {
            LoadResult x = r.result();
            html.append("<tr><td>").append(text(r.label(passes))).append("</td><td>")
                    .append(text(x.options().host() + ":" + x.options().port())).append("</td>")
                    .append(String.format(Locale.ROOT, "<td>%,.0f</td><td>%.1f</td><td>%.1f</td><td>%.1f</td>"
                                    + "<td>%.1f</td><td>%d</td></tr>\n", x.requestsPerSecond(), x.latencyMicros(50),
                            x.latencyMicros(99), x.latencyMicros(99.9), x.latency().getMaxValue() / 1e3,
                            x.errors()));
        }
        html.append("</table>\n");
    }

    private static void row(StringBuilder html, String key, String value) {
        html.append("<tr><th>").append(text(key)).append("</th><td>").append(text(value)).append("</td></tr>\n");
    }

    /** The runs as JSON: name, percentile points (percentile, µs), timeline points (s, requests/s, p99 µs). */
    static String data(List<Run> runs, int passes) {
        StringBuilder j = new StringBuilder("{\"runs\":[");
        for (int i = 0; i < runs.size(); i++) {
            Run r = runs.get(i);
            j.append(i == 0 ? "" : ",").append("{\"name\":\"").append(json(r.label(passes)))
                    .append("\",\"percentiles\":[");
            boolean first = true;
            for (HistogramIterationValue v : r.result().latency().percentiles(5)) {
                double p = Math.min(v.getPercentileLevelIteratedTo(), LAST_PERCENTILE);
                j.append(first ? "" : ",").append(String.format(Locale.ROOT, "[%.6f,%.3f]", p,
                        v.getValueIteratedTo() / 1e3));
                first = false;
                if (p >= LAST_PERCENTILE) {
                    break;
                }
            }
            j.append("],\"timeline\":[");
            List<LoadResult.Second> t = r.result().timeline();
            for (int k = 0; k < t.size(); k++) {
                LoadResult.Second s = t.get(k);
                j.append(k == 0 ? "" : ",").append(String.format(Locale.ROOT, "[%.3f,%.1f,%.3f]", s.endSeconds(),
                        s.requestsPerSecond(), s.p99Micros()));
            }
            j.append("]}");
        }
        return j.append("]}").toString();
    }

    private static String json(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static String text(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static final String STYLE = """
            body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222}
            table{border-collapse:collapse;margin:8px 0 16px}th,td{border:1px solid #ccc;padding:3px 8px;\
            text-align:left}td{font-variant-numeric:tabular-nums}
            svg{display:block;margin:4px 0 20px;background:#fafafa;border:1px solid #ddd}
            .axis{stroke:#888}.grid{stroke:#e4e4e4}.tick{font-size:11px;fill:#555}.label{font-size:12px;fill:#333}
            .series{fill:none;stroke-width:2}""";

    /** Draws the three charts from the embedded data; marks the body rendered. No library. */
    private static final String SCRIPT = """
            (function () {
              var NS = 'http://www.w3.org/2000/svg';
              var COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf'];
              var data = JSON.parse(document.getElementById('data').textContent);
              function el(parent, name, attrs, text) {
                var e = document.createElementNS(NS, name);
                for (var k in attrs) { e.setAttribute(k, attrs[k]); }
                if (text !== undefined) { e.textContent = text; }
                parent.appendChild(e);
                return e;
              }
              function niceMax(v) {
                if (!(v > 0)) { return 1; }
                var p = Math.pow(10, Math.floor(Math.log10(v)));
                var steps = [1, 2, 2.5, 5, 10];
                for (var i = 0; i < steps.length; i++) { if (steps[i] * p >= v) { return steps[i] * p; } }
                return 10 * p;
              }
              // series: [{name, points: [[x, y]]}]; x: {log: true} draws x as log10(1/(1-p/100)).
              function chart(id, series, xAxis, yLabel) {
                var svg = document.getElementById(id);
                var W = +svg.getAttribute('width'), H = +svg.getAttribute('height');
                var L = 70, R = 170, T = 16, B = 46, w = W - L - R, h = H - T - B;
                var tx = xAxis.log ? function (p) { return Math.log10(1 / (1 - Math.min(p, 99.9999) / 100)); }
                                   : function (x) { return x; };
                var xMax = xAxis.log ? 6 : 0, yMax = 0;
                series.forEach(function (s) { s.points.forEach(function (pt) {
                  if (!xAxis.log) { xMax = Math.max(xMax, pt[0]); }
                  yMax = Math.max(yMax, pt[1]);
                }); });
                xMax = xAxis.log ? xMax : (xMax > 0 ? xMax : 1);
                yMax = niceMax(yMax * 1.05);
                function X(x) { return L + tx(x) / xMax * w; }
                function Y(y) { return T + h - y / yMax * h; }
                for (var i = 0; i <= 5; i++) {
                  var yv = yMax * i / 5;
                  el(svg, 'line', {x1: L, x2: L + w, y1: Y(yv), y2: Y(yv), 'class': i ? 'grid' : 'axis'});
                  el(svg, 'text', {x: L - 6, y: Y(yv) + 4, 'text-anchor': 'end', 'class': 'tick'},
                     yv >= 100 ? Math.round(yv).toLocaleString('en') : +yv.toFixed(1));
                }
                var ticks = xAxis.log ? [[0, '0%'], [1, '90%'], [2, '99%'], [3, '99.9%'], [4, '99.99%'],
                                         [5, '99.999%'], [6, '99.9999%']]
                                      : [0, 1, 2, 3, 4, 5].map(function (i) {
                                          var v = xMax * i / 5; return [v, +v.toFixed(1)]; });
                ticks.forEach(function (t) {
                  var x = L + t[0] / xMax * w;
                  el(svg, 'line', {x1: x, x2: x, y1: T, y2: T + h, 'class': t[0] ? 'grid' : 'axis'});
                  el(svg, 'text', {x: x, y: T + h + 16, 'text-anchor': 'middle', 'class': 'tick'}, t[1]);
                });
                el(svg, 'text', {x: L + w / 2, y: H - 8, 'text-anchor': 'middle', 'class': 'label'}, xAxis.label);
                el(svg, 'text', {x: 14, y: T + h / 2, transform: 'rotate(-90 14 ' + (T + h / 2) + ')',
                                 'text-anchor': 'middle', 'class': 'label'}, yLabel);
                series.forEach(function (s, k) {
                  var color = COLORS[k % COLORS.length];
                  var d = s.points.map(function (pt, i) {
                    return (i ? 'L' : 'M') + X(pt[0]).toFixed(1) + ',' + Y(pt[1]).toFixed(1);
                  }).join('');
                  el(svg, 'path', {d: d, stroke: color, 'class': 'series', 'data-name': s.name,
                                   'data-points': s.points.length});
                  el(svg, 'rect', {x: L + w + 12, y: T + 6 + k * 18, width: 12, height: 3, fill: color});
                  el(svg, 'text', {x: L + w + 30, y: T + 11 + k * 18, 'class': 'tick'}, s.name);
                });
              }
              chart('percentiles', data.runs.map(function (r) { return {name: r.name, points: r.percentiles}; }),
                    {log: true, label: 'percentile'}, 'latency (µs)');
              chart('throughput', data.runs.map(function (r) {
                      return {name: r.name, points: r.timeline.map(function (t) { return [t[0], t[1]]; })}; }),
                    {log: false, label: 'seconds into the measured window'}, 'requests/s');
              chart('p99', data.runs.map(function (r) {
                      return {name: r.name, points: r.timeline.map(function (t) { return [t[0], t[2]]; })}; }),
                    {log: false, label: 'seconds into the measured window'}, 'p99 latency (µs)');
              document.body.setAttribute('data-rendered', 'true');
            })();
            """;
}
