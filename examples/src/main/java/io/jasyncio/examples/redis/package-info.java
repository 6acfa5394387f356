/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
/**
 * A RESP2 (redis) server on the Protocol API: how to write a wire protocol with jasyncio.
 *
 * <p>Purpose: {@code ./jasyncio redis-server} answers {@code redis-cli} and runs {@code redis-benchmark}'s default
 * tests; it is also the model for any request/response protocol over TCP.
 *
 * <h2>How the protocol is written</h2>
 * <pre>
 *  bytes, split anywhere       RespParser                Commands / CollectionCommands      RespReply
 *  dataReceived(ByteBuffer) -&gt; feed(): every complete  -&gt; execute(args): one command  -&gt;  encodes into one array
 *                              command, in order          against the Store                 |
 *                              (the rest waits)                                             v
 *                                                              one transport.write(...) per read (or per 64 KiB)
 * </pre>
 * <ul>
 *   <li>{@link io.jasyncio.examples.redis.RespProtocol} is the {@code Protocol}: one per connection, made by the
 *       server's factory ({@link io.jasyncio.examples.redis.RedisServer#factory}). {@code dataReceived}'s buffer is
 *       valid during the call only, so the parser copies what it has not used.</li>
 *   <li>Incremental parsing: {@code RespParser} keeps its state between reads, as redis does: the command's
 *       argument count, the arguments read so far, the bulk being filled and how far the current line was searched.
 *       Each byte is looked at a bounded number of times however the bytes are split (the tests count them), and a
 *       bulk whose length is known goes straight into its own array, grown from 1 MiB as its bytes come, so a large
 *       {@code SET} costs about its size, and a length announced but not sent costs nothing.
 *       A command split at any byte gives the same result as when it arrives whole (the tests split at every
 *       position).</li>
 *   <li>Pipelining: the replies of all complete commands of one read are written together; the transport flushes
 *       once per read batch.</li>
 *   <li>Errors: a bad command gets redis's error reply and the connection goes on; a malformed frame gets
 *       {@code -ERR Protocol error: ...} and the connection closes once it is written, as redis does. Nothing is ever
 *       dropped without a reply.</li>
 *   <li>Back-pressure, bounded by the server as redis's client output buffer limits are: replies are written out
 *       every 64 KiB; once the transport's buffer passes its high-water mark ({@code pauseWriting}), reading stops
 *       and so does the running of commands already received (the rest of the read waits in the parser) until
 *       {@code resumeWriting}. A client that pipelines {@code GET}s of a large value and never reads costs the
 *       high-water mark, one flush and one reply.</li>
 * </ul>
 *
 * <h2>Threading model</h2>
 * With {@code --loops N} the connections are spread over N loops (a {@code LoopGroup}), all sharing one
 * {@code Store}. Each batch of commands runs holding the store's lock: commands stay atomic as in redis, multi-key
 * ones (MSET, DEL a b) included, and a lock is the simplest way to share the data. On one loop the lock is
 * uncontended, one compare-and-set per read. The alternative, one loop owning the data and the others handing
 * commands to it with {@code callSoonThreadsafe}, costs two thread hand-offs per batch and keeps the replies' order
 * by hand.
 *
 * <h2>Behaviour at the time of writing</h2>
 * Commands: PING, ECHO, SET (EX, PX, NX, XX, KEEPTTL), GET, MSET, MGET, DEL, EXISTS, INCR, DECR, INCRBY, DECRBY,
 * EXPIRE, PEXPIRE, TTL, PTTL, KEYS, DBSIZE, FLUSHALL, FLUSHDB, LPUSH, RPUSH, LPOP, RPOP, LLEN, LRANGE, HSET, HGET,
 * HGETALL, HDEL, SADD, SPOP, ZADD (NX, XX, CH), ZPOPMIN, SELECT 0, CONFIG GET (save and appendonly, what
 * redis-benchmark asks), COMMAND (an empty table), CLIENT SETNAME/GETNAME/SETINFO, QUIT. Expiry is lazy: a key past
 * its deadline goes when a command touches it, or at KEYS and DBSIZE. Keys are Latin-1 strings, so any bytes are a
 * key. No persistence, no RESP3, no transactions, no pub/sub.
 */
package io.jasyncio.examples.redis;
