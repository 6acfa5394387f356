/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
/**
 * An HTTP/1.1 server on the Protocol API: a text protocol with framing in its headers, written with jasyncio.
 *
 * <p>Purpose: {@code ./jasyncio http-server} answers {@code curl} and {@code wrk}; it shows how to parse a request
 * that arrives in any number of pieces, answer pipelined requests in order, and refuse bad ones clearly.
 *
 * <h2>How the protocol is written</h2>
 * <pre>
 *  dataReceived(bytes) -&gt; HttpProtocol appends them to its buffer
 *                         while RequestParser.parse(buffer) goes on to a whole request (head, then body by
 *                         Content-Length or chunked; its state kept between reads):
 *                             handle it -&gt; ResponseWriter appends the answer
 *                         one transport.write(all answers); close if the last one said "Connection: close"
 * </pre>
 * <ul>
 *   <li>Incremental parsing: the parse state survives between reads. The head is searched for its end from
 *       where the last search stopped and parsed once, when whole; the body is then read phase by phase (the bytes
 *       of a Content-Length body, or chunk-size line, chunk data, CRLF, trailers), each byte once, straight into
 *       the body. The work stays proportional to the bytes received however they are split (the tests count it),
 *       and splitting a request at any byte gives the same answer (the tests split at every position). The
 *       connection's buffer holds only what is not used yet, compacted when that frees half of it.</li>
 *   <li>Framing (RFC 9112): Content-Length or {@code Transfer-Encoding: chunked} (chunk extensions and trailers are
 *       read past); {@code Expect: 100-continue} is answered once the head is read.</li>
 *   <li>Refusals close the connection after the answer: 400 for a malformed request, 413 when the body is over the
 *       limit ({@code --max-body}, 1 MiB by default; sent as soon as the head or a chunk size says so; with the
 *       chunked coding every byte of the body as sent counts, chunk-size lines, extensions and trailers too), 431 for a
 *       head over 8 KiB, 501 for a transfer coding other than chunked, 505 for versions other than 1.0 and 1.1.
 *       What request smuggling relies on is refused (both Content-Length and Transfer-Encoding, differing
 *       Content-Lengths, folded lines, a missing or repeated Host, a NUL or bare CR in a header value).</li>
 *   <li>Back-pressure: answers are written out every 64 KiB; once the transport's buffer passes its high-water
 *       mark ({@code pauseWriting}) reading stops, and so does the answering of requests already received, until
 *       {@code resumeWriting}: the answers in flight are bounded by the server, not by the client.</li>
 *   <li>Timeouts, with nginx's defaults: a head must be whole within {@code --header-timeout} (60 s) of its first
 *       byte, reads not extending it (408, then close: a slowloris client holds its fd for a minute, not forever);
 *       a body must progress within the same time between reads; an idle keep-alive connection closes after
 *       {@code --keepalive-timeout} (75 s); a client that reads none of its answers for the header timeout is
 *       aborted. One timer per connection ({@code loop.callLater}): activity moves a deadline, and the timer re-arms
 *       itself for what is left when it fires early, so busy connections schedule nothing per request.</li>
 *   <li>Keep-alive is HTTP/1.1's default; HTTP/1.0 connections close unless they ask for keep-alive.</li>
 *   <li>The hello-world answer's fixed bytes are made once; the Date header once a second.</li>
 * </ul>
 *
 * <h2>Threading model</h2>
 * One {@code HttpProtocol} per connection, on its loop's thread; with {@code --loops N} the connections are spread
 * over N loops and share nothing but the Date line (an immutable record behind a volatile field).
 *
 * <h2>Behaviour at the time of writing</h2>
 * Routes: {@code GET|HEAD /} (others: 405), {@code /echo} (any method), anything else 404. No TLS, no HTTP/2,
 * no timeout on a response being written to a client that reads slowly but does read.
 */
package io.jasyncio.examples.http;
