/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.debug.attach.Ps;
import io.jasyncio.tests.BackendAssumptions;
import io.jasyncio.tests.ChildJvm;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code ./jasyncio ps} and {@code pstree} against a chat server in a child JVM with two members connected: the
 * output names the tasks (the server's per-client tasks, each member's sender) and their await chains; the JSON
 * parses.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PsTest {
    private static final Pattern LISTENING = Pattern.compile(" listening on 127\\.0\\.0\\.1:(\\d+) \\(");
    private static Process server;
    private static final List<Socket> members = new ArrayList<>();

    @BeforeAll
    static void startChatServerWithTwoMembers() throws Exception {
        BackendAssumptions.assumeBackendAvailable();
        List<String> command = ChildJvm.java(true);
        // The JDK warns in the target when an agent is loaded into it; the flag says it is expected.
        command.addAll(List.of("-XX:+EnableDynamicAgentLoading", "-cp", System.getProperty("java.class.path"),
                "io.jasyncio.examples.chat.ChatServer", "--host", "127.0.0.1", "--port", "0"));
        server = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(),
                StandardCharsets.UTF_8));
        String line = out.readLine();
        Matcher m = LISTENING.matcher(String.valueOf(line));
        assertTrue(m.find(), "the line saying where it listens: " + line);
        int port = Integer.parseInt(m.group(1));
        for (int i = 0; i < 2; i++) {
            Socket s = new Socket("127.0.0.1", port);
            s.setSoTimeout(10_000);
            members.add(s);
            String welcome = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            assertTrue(welcome.startsWith("* welcome, guest"), welcome); // the member's tasks exist now
        }
    }

    @AfterAll
    static void stop() throws Exception {
        for (Socket s : members) {
            s.close();
        }
        if (server != null) {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void psNamesTheTasksAndTheirAwaitChains() {
        String table = Ps.look(server.pid(), "ps");
        assertTrue(table.startsWith("process " + server.pid() + ": 1 open loop, "), table);
        assertTrue(table.contains("task name") && table.contains("await chain") && table.contains("awaited by"),
                table);
        assertTrue(table.contains("chat-sender-guest1") && table.contains("chat-sender-guest2"), table);
        // a sender waits on its member's queue: its chain ends at that future
        assertTrue(Pattern.compile("chat-sender-guest1 +waiting +<Future pending").matcher(table).find(), table);
        assertTrue(table.contains("chat-sender-guest1 -> <Future pending"), table);
    }

    @Test
    void pstreeDrawsWhoAwaitsWhom() {
        String tree = Ps.look(server.pid(), "pstree");
        assertTrue(tree.startsWith("process " + server.pid() + "\n<NettyEventLoop "), tree);
        assertTrue(tree.contains("── (T) chat-sender-guest2  [waiting"), tree);
        assertTrue(tree.contains("    └── <Future pending"), tree);
    }

    @Test
    void jsonParses() {
        String json = Ps.look(server.pid(), "json");
        JsonCheck.validate(json.strip());
        assertTrue(json.startsWith("{\"pid\":" + server.pid() + ",\"loops\":[{\"loop\":\"<NettyEventLoop "), json);
        assertTrue(json.contains("\"name\":\"chat-sender-guest1\""), json);
        assertTrue(json.contains("\"awaitChain\":[\"chat-sender-guest1\","), json);
    }

    @Test
    void aProcessThatIsNoJvmIsRefusedInOneLine() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Ps.look(Long.MAX_VALUE, "ps"));
        assertTrue(e.getMessage().startsWith("cannot attach to process " + Long.MAX_VALUE), e.getMessage());
        assertEquals(-1, e.getMessage().indexOf('\n'), e.getMessage());
    }
}
