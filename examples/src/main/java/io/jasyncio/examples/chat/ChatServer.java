/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.examples.chat;

import io.jasyncio.Asyncio;
import io.jasyncio.examples.CommandLine;
import io.jasyncio.examples.Serving;

/**
 * A line-based chat room on streams and tasks: {@code ./jasyncio chat-server [--host 127.0.0.1] [--port 8765]
 * [--queue LINES] [--room-bytes BYTES]}; talk to it with {@code nc 127.0.0.1 8765}.
 */
public final class ChatServer {
    /** How many lines may wait for a member before it is disconnected as too slow, by default. */
    public static final int DEFAULT_QUEUE = 256;

    private ChatServer() {
    }

    /**
     * Runs the server.
     *
     * @param args the options
     */
    public static void main(String[] args) {
        String usage = "./jasyncio chat-server [--host 127.0.0.1] [--port 8765] [--queue LINES] [--room-bytes BYTES]";
        CommandLine cli = new CommandLine("chat-server", usage);
        Serving.Options options = Serving.parse(args, 8765, cli, "queue", "room-bytes");
        if (options.loops() != 1) {
            throw cli.fail("one room lives on one loop; --loops is not taken");
        }
        ChatRoom room = new ChatRoom(options.intOption("queue", DEFAULT_QUEUE),
                options.intOption("room-bytes", (int) ChatRoom.DEFAULT_ROOM_BYTES));
        Serving.serveStreams("chat server", () -> Asyncio.startServer(room::serve, options.host(), options.port()),
                options);
    }
}
