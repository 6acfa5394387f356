/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.samples.uppercase;

import io.jasyncio.Asyncio;
import io.jasyncio.Server;
import io.jasyncio.StreamReader;
import io.jasyncio.StreamWriter;
import io.jasyncio.Streams;
import io.jasyncio.Task;
import io.jasyncio.TaskGroup;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line-based TCP server on streams that answers each line in upper case, and N clients that each send one line,
 * all in one {@link TaskGroup} under a 10 s {@link Asyncio#timeout}. Prints {@code client i: HELLO i} for each client
 * in order, then {@code done}.
 *
 * <pre>{@code
 * java --add-exports java.base/jdk.internal.vm=ALL-UNNAMED -cp 'target/classes:target/lib/*' \
 *     io.jasyncio.samples.uppercase.Uppercase [clients]
 * }</pre>
 */
public final class Uppercase {
    private Uppercase() {
    }

    /**
     * Runs the server and the clients.
     *
     * @param args the number of clients (default 5)
     */
    public static void main(String[] args) {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<String> replies = Asyncio.run(() -> {
            Server server = Asyncio.startServer(Uppercase::serve, "127.0.0.1", 0);
            int port = ((InetSocketAddress) server.sockets().get(0)).getPort();
            try {
                return Asyncio.timeout(10.0, () -> TaskGroup.run(group -> {
                    List<Task<String>> tasks = new ArrayList<>();
                    for (int i = 0; i < clients; i++) {
                        int n = i;
                        tasks.add(group.createTask(() -> ask(port, "hello " + n)));
                    }
                    return tasks;                                    // the group waits for every client
                })).stream().map(Task::result).toList();
            } finally {
                server.close();
            }
        });
        for (int i = 0; i < replies.size(); i++) {
            System.out.println("client " + i + ": " + replies.get(i));
        }
        System.out.println("done");
    }

    /** One connection on the server: each line back in upper case, until the client closes. */
    private static void serve(StreamReader reader, StreamWriter writer) {
        try {
            byte[] line;
            while ((line = reader.readline()).length > 0) {          // empty at the end of the stream
                String text = new String(line, StandardCharsets.UTF_8);
                writer.write(text.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
                writer.drain();
            }
        } finally {
            writer.close();
        }
    }

    /** One client: sends a line, reads the answer, closes. */
    private static String ask(int port, String text) {
        Streams streams = Asyncio.openConnection("127.0.0.1", port);
        try {
            streams.writer().write((text + "\n").getBytes(StandardCharsets.UTF_8));
            streams.writer().drain();
            return new String(streams.reader().readline(), StandardCharsets.UTF_8).strip();
        } finally {
            streams.writer().close();
        }
    }
}
