/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.subprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Asyncio;
import io.jasyncio.BrokenPipeError;
import io.jasyncio.Connection;
import io.jasyncio.Protocol;
import io.jasyncio.Subprocess;
import io.jasyncio.SubprocessOptions;
import io.jasyncio.Transport;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.Pipe;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipe tests of CPython's {@code Lib/test/test_asyncio/test_events.py} ({@code EventLoopTestsMixin}). */
class PipeTest extends SubprocessTestBase {

    /** asyncio's {@code MyReadPipeProto} and {@code MyWritePipeProto}: INITIAL -> CONNECTED -> EOF? -> CLOSED. */
    static final class PipeProto implements Protocol {
        final List<String> state = new ArrayList<>(List.of("INITIAL"));
        final ByteArrayOutputStream data = new ByteArrayOutputStream();
        Transport transport;
        Throwable lostWith;
        int paused;
        int resumed;

        @Override
        public void connectionMade(Transport t) {
            transport = t;
            state.add("CONNECTED");
        }

        @Override
        public void dataReceived(ByteBuffer d) {
            byte[] b = new byte[d.remaining()];
            d.get(b);
            data.writeBytes(b);
        }

        @Override
        public boolean eofReceived() {
            state.add("EOF");
            return false;
        }

        @Override
        public void connectionLost(Throwable exc) {
            lostWith = exc;
            state.add("CLOSED");
        }

        @Override
        public void pauseWriting() {
            paused++;
        }

        @Override
        public void resumeWriting() {
            resumed++;
        }

        boolean closed() {
            return state.contains("CLOSED");
        }
    }

    private static void writeAll(Pipe.SinkChannel sink, String s) throws Exception {
        ByteBuffer b = ByteBuffer.wrap(bytes(s));
        while (b.hasRemaining()) {
            sink.write(b);
        }
    }

    /** test_read_pipe: data in order, then EOF and CLOSED when the write end closes. */
    @Test
    void testReadPipe() throws Exception {
        Pipe pipe = Pipe.open();
        PipeProto proto = new PipeProto();
        Connection<PipeProto> c = loop.runUntilComplete(loop.connectReadPipe(() -> proto, pipe.source()));
        assertSame(proto, c.protocol());
        assertEquals(List.of("INITIAL", "CONNECTED"), proto.state);
        assertSame(pipe.source(), c.transport().getExtraInfo("pipe"));

        writeAll(pipe.sink(), "1");
        waitUntil(() -> proto.data.size() >= 1);
        assertEquals("1", proto.data.toString());
        writeAll(pipe.sink(), "2345");
        waitUntil(() -> proto.data.size() >= 5);
        assertEquals("12345", proto.data.toString());

        pipe.sink().close();
        waitUntil(proto::closed);
        assertEquals(List.of("INITIAL", "CONNECTED", "EOF", "CLOSED"), proto.state);
        assertNull(proto.lostWith);
        assertFalse(pipe.source().isOpen(), "the transport closed the pipe");
    }

    /** Pausing a read pipe holds its data back; resuming delivers it. */
    @Test
    void testReadPipePauseResume() throws Exception {
        Pipe pipe = Pipe.open();
        PipeProto proto = new PipeProto();
        Transport t = loop.runUntilComplete(loop.connectReadPipe(() -> proto, pipe.source())).transport();
        t.pauseReading();
        assertFalse(t.isReading());
        writeAll(pipe.sink(), "held");
        loop.runUntilComplete(() -> Asyncio.sleep(0.2, null));
        assertEquals(0, proto.data.size(), "nothing is delivered while paused");
        t.resumeReading();
        waitUntil(() -> proto.data.size() >= 4);
        assertEquals("held", proto.data.toString());
        assertThrows(UnsupportedOperationException.class, () -> t.write(new byte[1]));
        t.close();
        waitUntil(proto::closed);
        pipe.sink().close();
    }

    /** A FIFO opened by the parent, written by a child: connectReadPipe on a FileChannel. */
    @Test
    void testReadPipeFifo(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("fifo");
        int made = loop.runUntilComplete(() -> Asyncio.createSubprocessExec("mkfifo", fifo.toString()).wait_());
        assertEquals(0, made);
        // read and write: opening a FIFO for reading alone would wait for a writer
        FileChannel ch = FileChannel.open(fifo, StandardOpenOption.READ, StandardOpenOption.WRITE);
        PipeProto proto = new PipeProto();
        Transport t = loop.runUntilComplete(loop.connectReadPipe(() -> proto, ch)).transport();
        loop.runUntilComplete(() -> Asyncio.createSubprocessShell("echo hello > '" + fifo + "'").wait_());
        waitUntil(() -> proto.data.size() >= 6);
        assertEquals("hello\n", proto.data.toString());
        t.close();
        waitUntil(proto::closed);
    }

    /** test_write_pipe: what is written arrives in order; close() flushes, then CLOSED. */
    @Test
    void testWritePipe() throws Exception {
        Pipe pipe = Pipe.open();
        PipeProto proto = new PipeProto();
        Transport t = loop.runUntilComplete(loop.connectWritePipe(() -> proto, pipe.sink())).transport();
        assertEquals(List.of("INITIAL", "CONNECTED"), proto.state);
        t.write(bytes("1"));
        t.write(bytes("2345"));
        ByteBuffer got = ByteBuffer.allocate(5);
        while (got.hasRemaining()) {
            pipe.source().read(got); // blocking, off the loop: the writer thread writes without the loop running
        }
        assertEquals("12345", text(got.array()));
        waitUntil(() -> t.getWriteBufferSize() == 0);
        t.close();
        waitUntil(proto::closed);
        assertNull(proto.lostWith);
        assertEquals(-1, pipe.source().read(ByteBuffer.allocate(1)), "the write end is closed");
    }

    /**
     * test_write_pipe_disconnect_on_close: the reader goes away; the transport ends with BrokenPipeError. asyncio
     * sees it at once by polling the write end; here the next write sees it.
     */
    @Test
    void testWritePipeDisconnectOnClose() throws Exception {
        Pipe pipe = Pipe.open();
        PipeProto proto = new PipeProto();
        Transport t = loop.runUntilComplete(loop.connectWritePipe(() -> proto, pipe.sink())).transport();
        t.write(bytes("1"));
        ByteBuffer one = ByteBuffer.allocate(1);
        pipe.source().read(one);
        assertEquals('1', one.get(0));
        pipe.source().close();
        t.write(bytes("2"));
        waitUntil(proto::closed);
        assertInstanceOf(BrokenPipeError.class, proto.lostWith);
    }

    /** Write flow control: pauseWriting over the high mark while nobody reads, resumeWriting once drained. */
    @Test
    void testWritePipeFlowControl() throws Exception {
        Pipe pipe = Pipe.open();
        PipeProto proto = new PipeProto();
        Transport t = loop.runUntilComplete(loop.connectWritePipe(() -> proto, pipe.sink())).transport();
        t.setWriteBufferLimits(16 * 1024, 4 * 1024);
        t.write(new byte[1024 * 1024]);
        assertEquals(1, proto.paused, "over the high mark at once");
        assertTrue(t.getWriteBufferSize() > 16 * 1024);
        Thread drainer = Thread.ofVirtual().start(() -> {
            ByteBuffer b = ByteBuffer.allocate(64 * 1024);
            long n = 0;
            try {
                while (n < 1024 * 1024) {
                    b.clear();
                    n += pipe.source().read(b);
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        waitUntil(() -> proto.resumed == 1);
        drainer.join();
        t.abort();
        assertEquals(0, t.getWriteBufferSize(), "0 as soon as abort() returns");
        waitUntil(proto::closed);
    }

    /** A child's stdout as a pipe: with no reader, the child blocks and the parent buffers a bounded amount. */
    @Test
    void testChattyChildIsPausedNotBuffered() {
        int limit = 16 * 1024;
        long[] result = loop.runUntilComplete(() -> {
            Subprocess proc = Asyncio.createSubprocessShell("head -c 50000000 /dev/zero",
                    SubprocessOptions.defaults().withStdout(SubprocessOptions.PIPE).withLimit(limit));
            Asyncio.sleep(0.5); // nobody reads: the reader pauses the pipe, the child blocks on a full pipe
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^<StreamReader (\\d+) bytes")
                    .matcher(proc.stdout().toString());
            long buffered = m.find() ? Long.parseLong(m.group(1)) : 0;
            Integer running = proc.returncode();
            proc.kill();
            proc.stdout().read(-1); // wait() alone would wait for the pipe's end, as asyncio's does
            proc.wait_();
            return new long[] {buffered, running == null ? 1 : 0};
        });
        assertTrue(result[0] <= 2L * limit + 256 * 1024, "buffered " + result[0] + " bytes");
        assertEquals(1, result[1], "the child still runs: it waits for the parent to read");
    }
}
