/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

import java.time.Duration;
import io.jasyncio.spi.LoopInterceptor;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/**
 * An asyncio event loop: one thread runs callbacks, timers and I/O, one at a time.
 *
 * <p>Threading: every method is for the loop's own thread (or any thread while the loop is not running), except
 * {@link #callSoonThreadsafe}, {@link #stop()}, {@link #isRunning()}, {@link #isClosed()} and {@link #time()}, which
 * are safe from any thread. In debug mode a loop-only method called from another thread while the loop runs raises
 * {@link IllegalStateException} with asyncio's message.
 *
 * <p>One iteration is asyncio's {@code _run_once}: poll I/O (not blocking when callbacks are ready), move the timers
 * that are due to the ready queue, then run exactly the callbacks that were ready at that moment; callbacks they
 * schedule run in the next iteration.
 *
 * @asyncio asyncio.AbstractEventLoop
 *     Differences: callbacks take no {@code *args} (capture them, or use the one-argument forms); errors that asyncio
 *     raises as RuntimeError are {@link IllegalStateException} here.
 */
public interface EventLoop extends AutoCloseable {

    // ---------------------------------------------------------------- running and stopping

    /**
     * Runs the event loop on the calling thread until {@link #stop()} is called.
     *
     * <p>If {@code stop()} is called before this, the loop polls I/O once with a timeout of zero, runs every callback
     * scheduled in response to I/O (and those already scheduled), and returns.
     *
     * @throws IllegalStateException if the loop is closed, already running, or another loop runs on this thread
     * @asyncio loop.run_forever()
     */
    void runForever();

    /**
     * Runs the loop on the calling thread until the future is done, and returns its result.
     *
     * @param future the future to wait for; it must belong to this loop
     * @param <T> the result type
     * @return the future's result
     * @throws IllegalStateException if the loop stopped before the future completed ("Event loop stopped before Future
     *     completed."), or for the reasons of {@link #runForever()}
     * @throws CancelledError if the future was cancelled
     * @asyncio loop.run_until_complete(future)
     */
    <T> T runUntilComplete(Future<T> future);

    /**
     * Stops the loop: the current iteration finishes, then {@link #runForever()} returns. Thread-safe.
     *
     * @asyncio loop.stop()
     */
    void stop();

    /**
     * Whether the loop is running. Thread-safe.
     *
     * @return {@code true} inside {@link #runForever()}
     * @asyncio loop.is_running()
     */
    boolean isRunning();

    /**
     * Whether the loop was closed. Thread-safe.
     *
     * @return {@code true} after {@link #close()}
     * @asyncio loop.is_closed()
     */
    boolean isClosed();

    /**
     * Closes the loop: drops pending callbacks, shuts the default executor down without waiting, frees the I/O
     * resources. Idempotent.
     *
     * @throws IllegalStateException if the loop is running ("Cannot close a running event loop")
     * @asyncio loop.close()
     */
    @Override
    void close();

    // ---------------------------------------------------------------- scheduling callbacks

    /**
     * Arranges for a callback to be called as soon as possible; FIFO, each callback exactly once.
     *
     * @param callback the callback
     * @return a handle that can cancel it
     * @throws IllegalStateException if the loop is closed ("Event loop is closed")
     * @asyncio loop.call_soon(callback, *args, context=None)
     *     Differences: no {@code *args} (capture in the lambda, or use {@link #callSoon(Consumer, Object)}); not
     *     thread-safe, see {@link #callSoonThreadsafe}.
     */
    Handle callSoon(Runnable callback);

    /**
     * Arranges for {@code callback.accept(arg)} to be called as soon as possible, without a capturing lambda.
     *
     * @param callback the callback
     * @param arg its argument
     * @param <A> the argument type
     * @return a handle that can cancel it
     * @asyncio loop.call_soon(callback, arg)
     */
    <A> Handle callSoon(Consumer<? super A> callback, A arg);

    /**
     * Like {@link #callSoon(Runnable)}, but safe from any thread; wakes the loop if it sleeps in its I/O poll.
     * Callbacks keep one FIFO order with {@code callSoon}: one scheduled from another thread before (happens-before) a
     * {@code callSoon} on the loop runs before it.
     *
     * @param callback the callback
     * @return a handle that can cancel it
     * @throws IllegalStateException if the loop is closed
     * @asyncio loop.call_soon_threadsafe(callback, *args, context=None)
     */
    Handle callSoonThreadsafe(Runnable callback);

    /**
     * Arranges for the callback to be called after the given delay.
     *
     * @param delay seconds from now; zero or negative means the next iteration's timers
     * @param callback the callback
     * @return a handle that can cancel it
     * @asyncio loop.call_later(delay, callback, *args, context=None)
     */
    TimerHandle callLater(double delay, Runnable callback);

    /**
     * Arranges for the callback to be called after the given delay.
     *
     * @param delay the delay
     * @param callback the callback
     * @return a handle that can cancel it
     * @asyncio loop.call_later(delay, callback)
     */
    TimerHandle callLater(Duration delay, Runnable callback);

    /**
     * Arranges for the callback to be called at the given absolute time, in the seconds of {@link #time()}.
     *
     * @param when the deadline
     * @param callback the callback
     * @return a handle that can cancel it
     * @asyncio loop.call_at(when, callback, *args, context=None)
     */
    TimerHandle callAt(double when, Runnable callback);

    /**
     * The loop's current time, in seconds, from its monotonic {@link Ticker}. Thread-safe.
     *
     * @return seconds from an arbitrary origin
     * @asyncio loop.time()
     */
    double time();

    /**
     * The loop's {@link Ticker}.
     *
     * @return the ticker
     */
    Ticker ticker();

    // ---------------------------------------------------------------- futures

    /**
     * Creates a future attached to this loop.
     *
     * @param <T> the result type
     * @return a pending future
     * @asyncio loop.create_future()
     */
    <T> Future<T> createFuture();

    // ---------------------------------------------------------------- tasks

    /**
     * Schedules a coroutine as a task of this loop.
     *
     * @param coro the coroutine
     * @param <T> the result type
     * @return the task
     * @asyncio loop.create_task(coro)
     */
    <T> Task<T> createTask(Coroutine<T> coro);

    /**
     * Schedules a coroutine as a named task of this loop.
     *
     * @param coro the coroutine
     * @param name the name, or {@code null} for {@code Task-N}
     * @param <T> the result type
     * @return the task
     * @asyncio loop.create_task(coro, name=name)
     */
    <T> Task<T> createTask(Coroutine<T> coro, String name);

    /**
     * Runs a coroutine as a task until it completes, and returns its result.
     *
     * @param coro the coroutine
     * @param <T> the result type
     * @return the result
     * @asyncio loop.run_until_complete(coro)
     */
    <T> T runUntilComplete(Coroutine<T> coro);

    /**
     * Sets the factory that {@link #createTask} uses, or restores the default with {@code null}.
     *
     * @param factory the factory, for example {@link TaskFactory#EAGER}
     * @asyncio loop.set_task_factory(factory)
     */
    void setTaskFactory(TaskFactory factory);

    /**
     * The task factory in use.
     *
     * @return the factory, or {@code null} for the default
     * @asyncio loop.get_task_factory()
     */
    TaskFactory getTaskFactory();

    // ---------------------------------------------------------------- network

    /**
     * Starts a TCP server on {@code host:port}; each accepted connection gets a new protocol from the factory.
     *
     * @param protocolFactory makes a {@link Protocol} or {@link BufferedProtocol} per connection
     * @param host the address to bind, for example {@code 127.0.0.1}
     * @param port the port, 0 for any free one ({@link Server#sockets()} tells which)
     * @return a future of the listening server
     * @asyncio loop.create_server(protocol_factory, host, port)
     */
    default Future<Server> createServer(java.util.function.Supplier<? extends BaseProtocol> protocolFactory,
            String host, int port) {
        throw new UnsupportedOperationException("this loop has no network transports");
    }

    /**
     * Starts a TCP server whose accepted connections are spread round robin over other loops (a {@link LoopGroup}'s):
     * this loop accepts, each connection's callbacks run on the loop it was given. Thread-safe: the loops may be
     * running on their own threads.
     *
     * @param protocolFactory makes a protocol per connection; called on the accepting loop's thread
     * @param host the address to bind
     * @param port the port, 0 for any
     * @param childLoops the loops that serve the connections
     * @return a future of the listening server
     */
    default Future<Server> createServer(java.util.function.Supplier<? extends BaseProtocol> protocolFactory,
            String host, int port, java.util.List<? extends EventLoop> childLoops) {
        throw new UnsupportedOperationException("this loop has no network transports");
    }

    /**
     * Starts a TLS server: as {@link #createServer(java.util.function.Supplier, String, int)}, each connection's
     * handshake done before {@code connectionMade}.
     *
     * @param protocolFactory makes a protocol per connection
     * @param host the address to bind
     * @param port the port, 0 for any
     * @param ssl the server's TLS context (its key managers hold the certificate), or {@code null} for plain TCP
     * @return a future of the listening server
     * @asyncio loop.create_server(protocol_factory, host, port, ssl=ssl)
     */
    default Future<Server> createServer(java.util.function.Supplier<? extends BaseProtocol> protocolFactory,
            String host, int port, javax.net.ssl.SSLContext ssl) {
        throw new UnsupportedOperationException("this loop has no network transports");
    }

    /**
     * Opens a TLS connection: the future completes after the handshake, when {@code connectionMade} has run.
     *
     * @param protocolFactory makes the connection's protocol
     * @param host the host, also the server name checked against the certificate
     * @param port the port
     * @param ssl the client's TLS context (its trust managers decide whom to trust), or {@code null} for plain TCP
     * @param <P> the protocol type
     * @return a future of the transport and protocol
     * @asyncio loop.create_connection(protocol_factory, host, port, ssl=ssl)
     */
    default <P extends BaseProtocol> Future<Connection<P>> createConnection(
            java.util.function.Supplier<P> protocolFactory, String host, int port, javax.net.ssl.SSLContext ssl) {
        throw new UnsupportedOperationException("this loop has no network transports");
    }

    /**
     * Upgrades an existing connection to TLS (STARTTLS): the returned future completes with the transport once the
     * handshake is done; what is written after the call is encrypted. The protocol is set on the transport.
     *
     * @param transport the plain transport
     * @param protocol the protocol to use from now on
     * @param ssl the TLS context
     * @param serverSide {@code true} on the server's end
     * @param serverHostname the name to check the server's certificate against (client side), or {@code null}
     * @return a future of the transport, encrypted
     * @asyncio await loop.start_tls(transport, protocol, sslcontext, server_side=False, server_hostname=None)
     *     Differences: the same transport object carries on, encrypted.
     */
    default Future<Transport> startTls(Transport transport, BaseProtocol protocol, javax.net.ssl.SSLContext ssl,
            boolean serverSide, String serverHostname) {
        throw new UnsupportedOperationException("this loop has no network transports");
    }

    /**
     * Upgrades an existing connection to TLS with asyncio's timeouts: as
     * {@link #startTls(Transport, BaseProtocol, javax.net.ssl.SSLContext, boolean, String)}.
     *
     * @param transport the plain transport
     * @param protocol the protocol to use from now on
     * @param ssl the TLS context
     * @param serverSide {@code true} on the server's end
     * @param serverHostname the name to check the server's certificate against (client side), or {@code null}
     * @param sslHandshakeTimeout seconds the handshake may take, or {@code null} for asyncio's 60
     * @param sslShutdownTimeout seconds the TLS shutdown may take, or {@code null} for asyncio's 30
     * @return a future of the transport, encrypted; a handshake over time fails it with asyncio's message
     * @asyncio await loop.start_tls(transport, protocol, sslcontext, *, server_side=False, server_hostname=None,
     *     ssl_handshake_timeout=None, ssl_shutdown_timeout=None)
     */
    default Future<Transport> startTls(Transport transport, BaseProtocol protocol, javax.net.ssl.SSLContext ssl,
            boolean serverSide, String serverHostname, Double sslHandshakeTimeout, Double sslShutdownTimeout) {
        throw new UnsupportedOperationException("this loop has no network transports");
    }

    /**
     * Sends a file over a stream transport, after what was written to it before: zero-copy ({@code sendfile(2)})
     * where the transport allows it, else (TLS) by reading and writing chunks, as asyncio's fallback does.
     *
     * @param transport a stream transport of this loop
     * @param file the file
     * @param offset where to start, at least 0
     * @param count how many bytes at most (positive), or -1 for all to the end of the file
     * @return a future of the number of bytes sent
     * @throws IllegalArgumentException asyncio's ValueError for a bad offset or count, or a transport of another kind
     * @throws IllegalStateException asyncio's RuntimeError "Transport is closing"
     * @asyncio await loop.sendfile(transport, file, offset=0, count=None, *, fallback=True)
     *     Differences: the file is named by its path; the fallback is always allowed.
     */
    default Future<Long> sendfile(Transport transport, java.nio.file.Path file, long offset, long count) {
        throw new UnsupportedOperationException("this loop has no network transports");
    }

    /**
     * Sends a whole file over a stream transport: {@code sendfile(transport, file, 0, -1)}.
     *
     * @param transport a stream transport of this loop
     * @param file the file
     * @return a future of the number of bytes sent
     * @asyncio await loop.sendfile(transport, file)
     */
    default Future<Long> sendfile(Transport transport, java.nio.file.Path file) {
        return sendfile(transport, file, 0, -1);
    }

    /**
     * Opens a TCP connection to {@code host:port}.
     *
     * @param protocolFactory makes the connection's protocol
     * @param host the host
     * @param port the port
     * @param <P> the protocol type
     * @return a future of the transport and protocol, once connected ({@code connectionMade} has run)
     * @asyncio loop.create_connection(protocol_factory, host, port)
     */
    default <P extends BaseProtocol> Future<Connection<P>> createConnection(
            java.util.function.Supplier<P> protocolFactory, String host, int port) {
        throw new UnsupportedOperationException("this loop has no network transports");
    }

    /**
     * Starts a Unix socket server on a path; a stale socket file there is replaced, the file is removed on close.
     *
     * @param protocolFactory makes a protocol per connection
     * @param path the socket's path
     * @return a future of the listening server
     * @asyncio loop.create_unix_server(protocol_factory, path)
     */
    default Future<Server> createUnixServer(java.util.function.Supplier<? extends BaseProtocol> protocolFactory,
            String path) {
        throw new UnsupportedOperationException("this loop has no network transports");
    }

    /**
     * Opens a Unix socket connection.
     *
     * @param protocolFactory makes the connection's protocol
     * @param path the socket's path
     * @param <P> the protocol type
     * @return a future of the transport and protocol, once connected
     * @asyncio loop.create_unix_connection(protocol_factory, path)
     */
    default <P extends BaseProtocol> Future<Connection<P>> createUnixConnection(
            java.util.function.Supplier<P> protocolFactory, String path) {
        throw new UnsupportedOperationException("this loop has no network transports");
    }

    /**
     * Creates a TCP server bound to {@code host:port}, with asyncio's keyword arguments: backlog, SO_REUSEADDR,
     * SO_REUSEPORT, SO_KEEPALIVE, TLS and its timeouts, and whether to start serving at once.
     *
     * @param protocolFactory makes a protocol per connection
     * @param host the address to bind, or {@code null} for every interface (IPv4 and IPv6)
     * @param port the port, 0 for any
     * @param options the options
     * @return a future of the server; a failed bind fails it with a {@link java.net.BindException} carrying asyncio's
     *     message ("error while attempting to bind on address ('127.0.0.1', 8888): address already in use")
     * @throws IllegalArgumentException asyncio's ValueError: "ssl_handshake_timeout is only meaningful with ssl",
     *     "ssl_shutdown_timeout is only meaningful with ssl"
     * @asyncio loop.create_server(protocol_factory, host, port, *, backlog=100, ssl=None, reuse_address=None,
     *     reuse_port=None, keep_alive=None, ssl_handshake_timeout=None, ssl_shutdown_timeout=None,
     *     start_serving=True)
     */
    default Future<Server> createServer(java.util.function.Supplier<? extends BaseProtocol> protocolFactory,
            String host, int port, ServerOptions options) {
        throw new UnsupportedOperationException("this loop has no network transports");
    }

    /**
     * Creates a TCP server listening on several hosts, one socket each ({@link Server#sockets()} lists them all).
     * If one address cannot be bound, the sockets bound already are closed and the future fails.
     *
     * @param protocolFactory makes a protocol per connection
     * @param hosts the addresses to bind, for example {@code List.of("127.0.0.1", "::1")}
     * @param port the port, 0 for any (each socket then gets its own)
     * @param options the options
     * @return a future of the server
     * @asyncio loop.create_server(protocol_factory, host=[...], port)
     */
    default Future<Server> createServer(java.util.function.Supplier<? extends BaseProtocol> protocolFactory,
            java.util.List<String> hosts, int port, ServerOptions options) {
        throw new UnsupportedOperationException("this loop has no network transports");
    }

    /**
     * Opens a streaming transport connection to {@code host:port}, with asyncio's keyword arguments: TLS, the server
     * name, a local address to bind, the TLS timeouts, happy eyeballs. A host name is resolved in the default
     * executor and its addresses are tried in turn (or raced, with a happy eyeballs delay); when all fail, the error
     * is the one failure, or an {@link java.io.IOException} "Multiple exceptions: ..." naming each.
     *
     * @param protocolFactory makes the connection's protocol
     * @param host the host
     * @param port the port
     * @param options the options
     * @param <P> the protocol type
     * @return a future of the transport and protocol, once connected (with TLS, once the handshake is done), after
     *     {@code connectionMade}; a refused connection fails it with a {@link java.net.ConnectException}
     * @throws IllegalArgumentException asyncio's ValueError: "server_hostname is only meaningful with ssl",
     *     "ssl_handshake_timeout is only meaningful with ssl", "ssl_shutdown_timeout is only meaningful with ssl"
     * @asyncio loop.create_connection(protocol_factory, host, port, *, ssl=None, server_hostname=None,
     *     local_addr=None, ssl_handshake_timeout=None, ssl_shutdown_timeout=None, happy_eyeballs_delay=None,
     *     interleave=None)
     */
    default <P extends BaseProtocol> Future<Connection<P>> createConnection(
            java.util.function.Supplier<P> protocolFactory, String host, int port, ConnectionOptions options) {
        throw new UnsupportedOperationException("this loop has no network transports");
    }

    /**
     * Starts a Unix socket server on a path with the options that apply to Unix sockets: backlog, TLS and its
     * timeouts, start serving.
     *
     * @param protocolFactory makes a protocol per connection
     * @param path the socket's path
     * @param options the options; SO_REUSEADDR, SO_REUSEPORT and SO_KEEPALIVE are ignored
     * @return a future of the listening server
     * @asyncio loop.create_unix_server(protocol_factory, path, *, backlog=100, ssl=None,
     *     ssl_handshake_timeout=None, ssl_shutdown_timeout=None, start_serving=True, cleanup_socket=True)
     */
    default Future<Server> createUnixServer(java.util.function.Supplier<? extends BaseProtocol> protocolFactory,
            String path, ServerOptions options) {
        throw new UnsupportedOperationException("this loop has no network transports");
    }

    /**
     * Opens a Unix socket connection, with TLS when the options give a context (and then a server name).
     *
     * @param protocolFactory makes the connection's protocol
     * @param path the socket's path
     * @param options the options; {@code localAddr} is ignored
     * @param <P> the protocol type
     * @return a future of the transport and protocol, once connected
     * @throws IllegalArgumentException "You must set server_hostname when using ssl without a host"
     * @asyncio loop.create_unix_connection(protocol_factory, path, *, ssl=None, server_hostname=None,
     *     ssl_handshake_timeout=None, ssl_shutdown_timeout=None)
     */
    default <P extends BaseProtocol> Future<Connection<P>> createUnixConnection(
            java.util.function.Supplier<P> protocolFactory, String path, ConnectionOptions options) {
        throw new UnsupportedOperationException("this loop has no network transports");
    }

    /**
     * Creates a UDP endpoint bound to {@code local}, and connected to {@code remote} if given.
     *
     * @param protocolFactory makes the endpoint's protocol
     * @param local the address to bind, or {@code null} for any
     * @param remote the address to connect to, or {@code null}
     * @param <P> the protocol type
     * @return a future of the transport and protocol
     * @asyncio loop.create_datagram_endpoint(protocol_factory, local_addr=None, remote_addr=None)
     */
    default <P extends DatagramProtocol> Future<DatagramEndpoint<P>> createDatagramEndpoint(
            java.util.function.Supplier<P> protocolFactory, java.net.InetSocketAddress local,
            java.net.InetSocketAddress remote) {
        throw new UnsupportedOperationException("this loop has no network transports");
    }

    // ---------------------------------------------------------------- executors

    /**
     * Runs a blocking function in an executor and returns a future of its result, completed on the loop.
     *
     * @param executor the executor, or {@code null} for the loop's default one
     * @param func the function
     * @param <T> the result type
     * @return a future of the result
     * @asyncio loop.run_in_executor(executor, func, *args)
     */
    <T> Future<T> runInExecutor(Executor executor, Callable<T> func);

    /**
     * Sets the executor that {@link #runInExecutor} uses when given {@code null}.
     *
     * @param executor the executor
     * @asyncio loop.set_default_executor(executor)
     */
    void setDefaultExecutor(ExecutorService executor);

    /**
     * Shuts the default executor down and returns a future that completes when all its threads have finished.
     *
     * @return a future completed on the loop when the executor has terminated
     * @asyncio loop.shutdown_default_executor(timeout=None)
     */
    Future<Void> shutdownDefaultExecutor();

    // ---------------------------------------------------------------- errors

    /**
     * Sets the exception handler, or restores the default one with {@code null}.
     *
     * @param handler the handler or {@code null}
     * @asyncio loop.set_exception_handler(handler)
     */
    void setExceptionHandler(ExceptionHandler handler);

    /**
     * The current exception handler.
     *
     * @return the custom handler, or {@code null} when the default one is in use
     * @asyncio loop.get_exception_handler()
     */
    ExceptionHandler getExceptionHandler();

    /**
     * Calls the current exception handler, or the default one; never throws.
     *
     * @param context what happened
     * @asyncio loop.call_exception_handler(context)
     */
    void callExceptionHandler(ExceptionContext context);

    /**
     * The default exception handler: logs the message, the exception and the other keys to the logger
     * {@code asyncio} at ERROR.
     *
     * @param context what happened
     * @asyncio loop.default_exception_handler(context)
     */
    void defaultExceptionHandler(ExceptionContext context);

    // ---------------------------------------------------------------- debug

    /**
     * Whether debug mode is on.
     *
     * @return the debug flag
     * @asyncio loop.get_debug()
     */
    boolean getDebug();

    /**
     * Turns debug mode on or off. On: {@code callSoon}, {@code callLater} and {@code callAt} from a thread other than
     * the loop's raise, and the debug-only interceptor providers on the class path install their interceptors (the
     * {@code debug} module's checks: slow callbacks and polls, never-awaited coroutines, never-retrieved exceptions,
     * pending tasks destroyed, unclosed resources, all logged to the {@code asyncio} logger). Off: they are removed,
     * and a loop with no interceptor left pays nothing per callback.
     *
     * @param enabled the new flag
     * @asyncio loop.set_debug(enabled)
     */
    void setDebug(boolean enabled);

    /**
     * The duration, in seconds, past which a callback is logged as slow in debug mode; 0.1 by default.
     *
     * @return seconds
     * @asyncio loop.slow_callback_duration
     */
    double getSlowCallbackDuration();

    /**
     * Sets the slow-callback threshold.
     *
     * @param seconds the threshold, in seconds
     * @asyncio loop.slow_callback_duration = seconds
     */
    void setSlowCallbackDuration(double seconds);

    // ---------------------------------------------------------------- interceptors

    /**
     * Installs an interceptor: it hears of callbacks scheduled and run, I/O polls, iterations, tasks, failed futures,
     * coroutine objects, transports, the exception handler and the loop's close. One that throws is removed and the
     * failure logged to the {@code asyncio} logger; the loop goes on. Loop thread only (or while the loop is not
     * running).
     *
     * @param interceptor the interceptor
     * @return {@code false} if it was installed already
     */
    boolean addInterceptor(LoopInterceptor interceptor);

    /**
     * Removes an interceptor; it hears {@code removed(loop)} and nothing more.
     *
     * @param interceptor the interceptor
     * @return {@code false} if it was not installed
     */
    boolean removeInterceptor(LoopInterceptor interceptor);

    /**
     * The installed interceptors, in the order they are called.
     *
     * @return an immutable snapshot
     */
    List<LoopInterceptor> getInterceptors();
}
