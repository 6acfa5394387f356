/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.examples;

import io.jasyncio.tests.ChildJvm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each example server as the launcher runs it, in a JVM of its own: one line saying where it listens, a client
 * answered, and a clean exit on SIGTERM: the loop's signal handler stops it, as an asyncio server's does.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ServerLaunchTest {
    private static final Pattern LISTENING = Pattern.compile(" listening on 127\\.0\\.0\\.1:(\\d+) \\(");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "io.jasyncio.examples.redis.RedisServer | redis server | PING\\r\\n | +PONG",
        "io.jasyncio.examples.http.HttpServer | http server | GET / HTTP/1.1\\r\\nHost: t\\r\\n\\r\\n | HTTP/1.1 200 OK",
        "io.jasyncio.examples.chat.ChatServer | chat server | | * welcome, guest1; commands: /nick NAME, /who, /quit"})
    void testListensAnswersAndStopsOnSigterm(String main, String name, String request, String firstLine)
            throws Exception {
        List<String> command = ChildJvm.java(true);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main, "--port", "0"));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            Matcher m = LISTENING.matcher(String.valueOf(line));
            assertTrue(line != null && line.startsWith(name) && m.find(), "the line saying where it listens: " + line);
            try (Socket s = new Socket("127.0.0.1", Integer.parseInt(m.group(1)))) {
                s.setSoTimeout(20_000);
                OutputStream o = s.getOutputStream();
                o.write(request == null ? new byte[0] : request.replace("\\r\\n", "\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                o.flush();
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
                        StandardCharsets.ISO_8859_1));
                assertEquals(firstLine, in.readLine());
            }
            p.destroy(); // SIGTERM
            assertTrue(p.waitFor(20, TimeUnit.SECONDS), "stopped after SIGTERM");
            assertEquals(0, p.exitValue(), "the loop's SIGTERM handler stopped the server, which closed and returned"
                    + " from main (the JVM's own handler would have exited with 128 + 15)");
        } finally {
            p.destroyForcibly();
        }
    }
}
