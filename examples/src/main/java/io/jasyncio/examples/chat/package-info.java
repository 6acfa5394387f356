/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
/**
 * A chat room on streams and tasks: a line protocol written as straight-line code.
 *
 * <p>Purpose: {@code ./jasyncio chat-server} shows the Streams API ({@code Asyncio.startServer},
 * {@code StreamReader.readline}, {@code StreamWriter.write}/{@code drain}) with tasks and a bounded {@code Queue},
 * and the one rule of broadcasting: a slow reader must not hold back the others.
 *
 * <h2>How the protocol is written</h2>
 * <pre>
 *  per client, two tasks:
 *    serve (the server's task)             send (its own task)
 *    readline() -&gt; command or broadcast    outbox.get() -&gt; write(line) -&gt; drain()
 *                    |                          ^
 *                    +-- deliver(member) -------+  putNowait of the line's one shared copy into the
 *                                                  member's bounded outbox; QueueFull, or the room over
 *                                                  its bytes: the slowest member is dropped
 * </pre>
 * <ul>
 *   <li>{@code drain()} is where a slow client makes its sender wait (the transport's buffer is over the high-water
 *       mark). Only that client's sender waits; broadcasts only put lines in queues and never wait.</li>
 *   <li>When a member's outbox is full it is dropped: it gets "* you are too slow" written past its queue, its
 *       sender is cancelled, its connection closed, and the others are told.</li>
 *   <li>A member that leaves (EOF or {@code /quit}) has its outbox shut down: its sender sends what is queued and
 *       closes the connection.</li>
 *   <li>Memory is bounded for the room as a whole ({@code --room-bytes}, 16 MiB by default), not per member: a line
 *       is encoded once and the same copy queued for every member, counted once while any queue holds it; past the
 *       budget, the members with the most bytes waiting are dropped until the room fits. So idle members cost their
 *       queue's references, not copies of every line.</li>
 *   <li>Fairness during a burst: {@code readline} returns lines already buffered without suspending, so a paste
 *       of many lines would otherwise be broadcast before any sender runs, filling every queue at once. The reading
 *       task yields to the loop ({@code sleep(0)}) after each line: the senders write as lines come, and a member
 *       that reads keeps up whatever the burst.</li>
 * </ul>
 *
 * <h2>Threading model</h2>
 * One loop: the room's members map is touched only by tasks on it, so it needs no lock. A room does not span a
 * {@code LoopGroup}; {@code --loops} is refused.
 *
 * <h2>Behaviour at the time of writing</h2>
 * Names are {@code guestN} until {@code /nick}; lines are UTF-8, at most 64 KiB (longer ones are refused with a
 * notice and the connection goes on). No history, no rooms, no authentication.
 */
package io.jasyncio.examples.chat;
