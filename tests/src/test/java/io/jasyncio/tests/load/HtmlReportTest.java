/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jasyncio.LoopGroup;
import io.jasyncio.LoopOptions;
import io.jasyncio.Server;
import io.jasyncio.examples.EchoServer;
import io.jasyncio.load.HtmlReport;
import io.jasyncio.load.LoadMain;
import io.jasyncio.load.LoadOptions;
import io.jasyncio.tests.BackendAssumptions;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --compare} over two echo servers, two interleaved passes, and its {@code --report} page rendered by a real
 * headless browser (Chromium, which {@code scripts/install-test-tools.sh} installs): the page's script runs, and each
 * chart has one series per run, with points.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HtmlReportTest {
    private static final Pattern SVG = Pattern.compile("<svg id=\"(\\w+)\"[^>]*>(.*?)</svg>", Pattern.DOTALL);
    private static final Pattern SERIES = Pattern.compile(
            "<path [^>]*class=\"series\"[^>]*data-name=\"([^\"]+)\"[^>]*data-points=\"(\\d+)\"");

    @TempDir
    Path dir;

    /** The browser, or null: the test is skipped without one. */
    private static String chromium() {
        for (String dirName : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
                File f = new File(dirName, name);
                if (f.canExecute()) {
                    return f.getPath();
                }
            }
        }
        return null;
    }

    private static int port(Server s) {
        return ((InetSocketAddress) s.sockets().get(0)).getPort();
    }

    @Test
    void compareReportRendersInABrowser() throws Exception {
        BackendAssumptions.assumeBackendAvailable();
        String browser = chromium();
        assumeTrue(browser != null, "no Chromium on PATH (scripts/install-test-tools.sh installs it)");
        List<HtmlReport.Run> runs;
        try (LoopGroup servers = new LoopGroup(1, LoopOptions.defaults()).start()) {
            Server a = servers.createServer(EchoServer.Echo::new, "127.0.0.1", 0);
            Server b = servers.createServer(EchoServer.Echo::new, "127.0.0.1", 0);
            LoadOptions options = LoadOptions.parse("--compare", "first=127.0.0.1:" + port(a) + ",second=127.0.0.1:"
                    + port(b), "--connections", "2", "--size", "64", "--duration", "1500ms", "--quiet");
            assertEquals(2, options.passes(), "two interleaved passes by default with --compare");
            runs = LoadMain.runAll(options, null);
        }
        assertEquals(List.of("first (pass 1)", "second (pass 1)", "first (pass 2)", "second (pass 2)"),
                runs.stream().map(r -> r.label(2)).toList());
        Path page = dir.resolve("report.html");
        HtmlReport.write(page, runs, 2);

        String dom = render(browser, page);
        assertTrue(dom.contains("data-rendered=\"true\""), "the page's script ran to its end:\n" + dom);
        Matcher svg = SVG.matcher(dom);
        List<String> charts = new ArrayList<>();
        while (svg.find()) {
            charts.add(svg.group(1));
            List<String> names = new ArrayList<>();
            Matcher s = SERIES.matcher(svg.group(2));
            while (s.find()) {
                names.add(s.group(1));
                int points = Integer.parseInt(s.group(2));
                assertTrue(points >= (svg.group(1).equals("percentiles") ? 10 : 1),
                        svg.group(1) + ": " + s.group(1) + " has " + points + " points");
            }
            assertEquals(List.of("first (pass 1)", "second (pass 1)", "first (pass 2)", "second (pass 2)"), names,
                    "the series of " + svg.group(1));
        }
        assertEquals(List.of("percentiles", "throughput", "p99"), charts);
        assertTrue(dom.contains(">99.99%<"), "the percentile axis is labelled as HdrHistogram's plotter labels it");
        assertTrue(dom.contains("<table id=\"settings\">") && dom.contains("echo 64 B"), "the settings table");
    }

    /** The DOM after the page's scripts ran, as the browser serializes it. */
    private static String render(String browser, Path page) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("jasyncio-chromium");
        Process p = new ProcessBuilder(browser, "--headless", "--no-sandbox", "--disable-gpu",
                "--user-data-dir=" + profile, "--dump-dom", page.toUri().toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the browser ended");
        return dom;
    }
}
