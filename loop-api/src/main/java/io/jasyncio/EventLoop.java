/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import io.jasyncio.spi.LoopInterceptor;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

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
public interface EventLoop extends AutoCloseable, SocketLoop, SubprocessLoop {

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
     * Closes the loop: drops pending callbacks, removes its signal handlers, shuts the default executor down without
     * waiting, frees the I/O resources. Idempotent.
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
     * Like {@link #callSoon(Runnable)}, the callback running inside the given context: what it sets with
     * {@link ContextVar#set} stays in that context.
     *
     * @param callback the callback
     * @param context the context, for example {@link Context#copyContext()}; {@code null} for the loop thread's
     * @return a handle that can cancel it
     * @throws IllegalStateException if the loop is closed
     * @asyncio loop.call_soon(callback, context=context)
     */
    default Handle callSoon(Runnable callback, Context context) {
        return callSoon(context == null ? callback : () -> context.run(callback));
    }

    /**
     * Like {@link #callSoonThreadsafe(Runnable)}, the callback running inside the given context.
     *
     * @param callback the callback
     * @param context the context, or {@code null} for the loop thread's
     * @return a handle that can cancel it
     * @throws IllegalStateException if the loop is closed
     * @asyncio loop.call_soon_threadsafe(callback, context=context)
     */
    default Handle callSoonThreadsafe(Runnable callback, Context context) {
        return callSoonThreadsafe(context == null ? callback : () -> context.run(callback));
    }

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
     * Like {@link #callLater(double, Runnable)}, the callback running inside the given context.
     *
     * @param delay seconds from now
     * @param callback the callback
     * @param context the context, or {@code null} for the loop thread's
     * @return a handle that can cancel it
     * @asyncio loop.call_later(delay, callback, context=context)
     */
    default TimerHandle callLater(double delay, Runnable callback, Context context) {
        return callLater(delay, context == null ? callback : () -> context.run(callback));
    }

    /**
     * Like {@link #callAt(double, Runnable)}, the callback running inside the given context.
     *
     * @param when the deadline, in the seconds of {@link #time()}
     * @param callback the callback
     * @param context the context, or {@code null} for the loop thread's
     * @return a handle that can cancel it
     * @asyncio loop.call_at(when, callback, context=context)
     */
    default TimerHandle callAt(double when, Runnable callback, Context context) {
        return callAt(when, context == null ? callback : () -> context.run(callback));
    }

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
     * Schedules a coroutine as a task of this loop that runs inside the given context (not a copy of it): what the
     * task sets with {@link ContextVar#set} is seen in {@code context} afterwards. The loop's task factory makes it.
     *
     * @param coro the coroutine
     * @param name the name, or {@code null} for {@code Task-N}
     * @param context the context, or {@code null} for a copy of the current one (as {@link #createTask(Coroutine)})
     * @param <T> the result type
     * @return the task
     * @asyncio loop.create_task(coro, name=name, context=context)
     */
    default <T> Task<T> createTask(Coroutine<T> coro, String name, Context context) {
        return Context.createTaskIn(this, coro, name, context);
    }

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
     * Starts a TCP server on {@code host:port} with asyncio's defaults; each accepted connection gets a new protocol
     * from the factory. As {@link #createServer(Supplier, String, int, ServerOptions)} with
     * {@link ServerOptions#defaults()}.
     *
     * @param protocolFactory makes a {@link Protocol} or {@link BufferedProtocol} per connection
     * @param host the address to bind, for example {@code 127.0.0.1}, or {@code null} for every interface
     * @param port the port, 0 for any free one ({@link Server#sockets()} tells which)
     * @return a future of the listening server
     * @throws OSError from the future, with errno 98 (EADDRINUSE) when the address is already in use: "[Errno 98]
     *     error while attempting to bind on address ('127.0.0.1', 8888): address already in use"
     * @throws GaiError from the future, when the host cannot be resolved
     * @asyncio await loop.create_server(protocol_factory, host, port)
     */
    default Future<Server> createServer(Supplier<? extends BaseProtocol> protocolFactory, String host, int port) {
        return createServer(protocolFactory, host, port, ServerOptions.defaults());
    }

    /**
     * Starts a TCP server on {@code host:port} (or on each of {@link ServerOptions#hosts()}), with asyncio's keyword
     * arguments: backlog, SO_REUSEADDR, SO_REUSEPORT, SO_KEEPALIVE, TLS and its timeouts, whether to start serving at
     * once, and the loops that serve the connections ({@link ServerOptions#childLoops()}).
     *
     * @param protocolFactory makes a protocol per connection; with child loops, on the thread of the loop that serves
     *     it
     * @param host the address to bind, or {@code null} for every interface (IPv4 and IPv6), or for the options' hosts
     * @param port the port, 0 for any (with several hosts, each socket then gets its own)
     * @param options the options
     * @return a future of the listening server; if one of several addresses cannot be bound, those bound already are
     *     closed and the future fails
     * @throws OSError from the future, with errno 98 (EADDRINUSE) when the address is already in use
     * @throws GaiError from the future, when a host cannot be resolved
     * @throws IllegalArgumentException asyncio's ValueError: "ssl_handshake_timeout is only meaningful with ssl",
     *     "ssl_shutdown_timeout is only meaningful with ssl"; a host given with the options' hosts
     * @asyncio await loop.create_server(protocol_factory, host, port, *, backlog=100, ssl=None, reuse_address=None,
     *     reuse_port=None, keep_alive=None, ssl_handshake_timeout=None, ssl_shutdown_timeout=None,
     *     start_serving=True)
     */
    default Future<Server> createServer(Supplier<? extends BaseProtocol> protocolFactory, String host, int port,
            ServerOptions options) {
        throw new UnsupportedOperationException("this loop has no network transports");
    }

    /**
     * Opens a TCP connection to {@code host:port} with asyncio's defaults. As
     * {@link #createConnection(Supplier, String, int, ConnectionOptions)} with {@link ConnectionOptions#defaults()}.
     *
     * @param protocolFactory makes the connection's protocol
     * @param host the host
     * @param port the port
     * @param <P> the protocol type
     * @return a future of the transport and protocol, once connected ({@code connectionMade} has run)
     * @throws ConnectionRefusedError from the future, when nothing listens there
     * @throws OSError from the future, for the other connect failures (unreachable network, timeout)
     * @throws GaiError from the future, when the host cannot be resolved
     * @asyncio await loop.create_connection(protocol_factory, host, port)
     */
    default <P extends BaseProtocol> Future<Connection<P>> createConnection(Supplier<P> protocolFactory, String host,
            int port) {
        return createConnection(protocolFactory, host, port, ConnectionOptions.defaults());
    }

    /**
     * Opens a streaming transport connection to {@code host:port}, with asyncio's keyword arguments: TLS, the server
     * name, a local address to bind, the TLS timeouts, happy eyeballs. A host name is resolved in the default
     * executor and its addresses are tried in turn (or raced, with a happy eyeballs delay); when all fail, the error
     * is the one failure, or an {@code OSError} "Multiple exceptions: ..." naming each.
     *
     * @param protocolFactory makes the connection's protocol
     * @param host the host
     * @param port the port
     * @param options the options
     * @param <P> the protocol type
     * @return a future of the transport and protocol, once connected (with TLS, once the handshake is done), after
     *     {@code connectionMade}
     * @throws ConnectionRefusedError from the future, when nothing listens there
     * @throws OSError from the future, for the other connect failures, and a failed TLS handshake's
     * @throws GaiError from the future, when the host cannot be resolved
     * @throws IllegalArgumentException asyncio's ValueError: "server_hostname is only meaningful with ssl",
     *     "ssl_handshake_timeout is only meaningful with ssl", "ssl_shutdown_timeout is only meaningful with ssl"
     * @asyncio await loop.create_connection(protocol_factory, host, port, *, ssl=None, server_hostname=None,
     *     local_addr=None, ssl_handshake_timeout=None, ssl_shutdown_timeout=None, happy_eyeballs_delay=None,
     *     interleave=None)
     */
    default <P extends BaseProtocol> Future<Connection<P>> createConnection(Supplier<P> protocolFactory, String host,
            int port, ConnectionOptions options) {
        throw new UnsupportedOperationException("this loop has no network transports");
    }

    /**
     * Starts a Unix socket server on a path with asyncio's defaults; a stale socket file there is replaced, the file
     * is removed on close.
     *
     * @param protocolFactory makes a protocol per connection
     * @param path the socket's path
     * @return a future of the listening server
     * @throws OSError from the future, with errno 98 (EADDRINUSE) when a server listens on the path already
     * @asyncio await loop.create_unix_server(protocol_factory, path)
     */
    default Future<Server> createUnixServer(Supplier<? extends BaseProtocol> protocolFactory, String path) {
        return createUnixServer(protocolFactory, path, ServerOptions.defaults());
    }

    /**
     * Starts a Unix socket server on a path with the options that apply to Unix sockets: backlog, TLS and its
     * timeouts, start serving, cleanup of the socket file.
     *
     * @param protocolFactory makes a protocol per connection
     * @param path the socket's path
     * @param options the options; SO_REUSEADDR, SO_REUSEPORT, SO_KEEPALIVE, hosts and child loops are ignored
     * @return a future of the listening server
     * @throws OSError from the future, with errno 98 (EADDRINUSE) when a server listens on the path already
     * @throws IllegalArgumentException asyncio's ValueError for TLS timeouts without TLS
     * @asyncio await loop.create_unix_server(protocol_factory, path, *, backlog=100, ssl=None,
     *     ssl_handshake_timeout=None, ssl_shutdown_timeout=None, start_serving=True, cleanup_socket=True)
     */
    default Future<Server> createUnixServer(Supplier<? extends BaseProtocol> protocolFactory, String path,
            ServerOptions options) {
        throw new UnsupportedOperationException("this loop has no network transports");
    }

    /**
     * Opens a Unix socket connection with asyncio's defaults.
     *
     * @param protocolFactory makes the connection's protocol
     * @param path the socket's path
     * @param <P> the protocol type
     * @return a future of the transport and protocol, once connected
     * @throws ConnectionRefusedError from the future, when nothing listens on the path
     * @throws OSError from the future, for the other failures (no such file)
     * @asyncio await loop.create_unix_connection(protocol_factory, path)
     */
    default <P extends BaseProtocol> Future<Connection<P>> createUnixConnection(Supplier<P> protocolFactory,
            String path) {
        return createUnixConnection(protocolFactory, path, ConnectionOptions.defaults());
    }

    /**
     * Opens a Unix socket connection, with TLS when the options give a context (and then a server name).
     *
     * @param protocolFactory makes the connection's protocol
     * @param path the socket's path
     * @param options the options; {@code localAddr} and the happy eyeballs settings are ignored
     * @param <P> the protocol type
     * @return a future of the transport and protocol, once connected
     * @throws ConnectionRefusedError from the future, when nothing listens on the path
     * @throws OSError from the future, for the other failures
     * @throws IllegalArgumentException "You must set server_hostname when using ssl without a host"
     * @asyncio await loop.create_unix_connection(protocol_factory, path, *, ssl=None, server_hostname=None,
     *     ssl_handshake_timeout=None, ssl_shutdown_timeout=None)
     */
    default <P extends BaseProtocol> Future<Connection<P>> createUnixConnection(Supplier<P> protocolFactory,
            String path, ConnectionOptions options) {
        throw new UnsupportedOperationException("this loop has no network transports");
    }

    /**
     * Upgrades an existing connection to TLS (STARTTLS) with asyncio's default timeouts: the returned future completes
     * with the transport once the handshake is done; what is written after the call is encrypted. The protocol is set
     * on the transport.
     *
     * @param transport the plain transport
     * @param protocol the protocol to use from now on
     * @param ssl the TLS context
     * @param serverSide {@code true} on the server's end
     * @param serverHostname the name to check the server's certificate against (client side), or {@code null}
     * @return a future of the transport, encrypted
     * @throws OSError from the future, when the handshake fails (its {@code javax.net.ssl.SSLException} as cause)
     * @throws ConnectionResetError from the future, when the peer resets the connection during the handshake
     * @throws IllegalArgumentException for a transport that is not a stream transport of this loop
     * @asyncio await loop.start_tls(transport, protocol, sslcontext, server_side=False, server_hostname=None)
     *     Differences: the same transport object carries on, encrypted.
     */
    default Future<Transport> startTls(Transport transport, BaseProtocol protocol, SSLContext ssl, boolean serverSide,
            String serverHostname) {
        return startTls(transport, protocol, ssl, serverSide, serverHostname, null, null);
    }

    /**
     * Upgrades an existing connection to TLS with given timeouts: as
     * {@link #startTls(Transport, BaseProtocol, SSLContext, boolean, String)}.
     *
     * @param transport the plain transport
     * @param protocol the protocol to use from now on
     * @param ssl the TLS context
     * @param serverSide {@code true} on the server's end
     * @param serverHostname the name to check the server's certificate against (client side), or {@code null}
     * @param sslHandshakeTimeout seconds the handshake may take, or {@code null} for asyncio's 60
     * @param sslShutdownTimeout seconds the TLS shutdown may take, or {@code null} for asyncio's 30
     * @return a future of the transport, encrypted; a handshake over time fails it with asyncio's message
     * @throws OSError from the future, when the handshake fails
     * @throws TimeoutError from the future, when the handshake takes longer than its timeout
     * @throws IllegalArgumentException for a transport that is not a stream transport of this loop
     * @asyncio await loop.start_tls(transport, protocol, sslcontext, *, server_side=False, server_hostname=None,
     *     ssl_handshake_timeout=None, ssl_shutdown_timeout=None)
     */
    default Future<Transport> startTls(Transport transport, BaseProtocol protocol, SSLContext ssl, boolean serverSide,
            String serverHostname, Double sslHandshakeTimeout, Double sslShutdownTimeout) {
        throw new UnsupportedOperationException("this loop has no network transports");
    }

    /**
     * Sends a whole file over a stream transport: {@code sendfile(transport, file, 0, -1)}.
     *
     * @param transport a stream transport of this loop
     * @param file the file
     * @return a future of the number of bytes sent
     * @throws OSError from the future, when the file cannot be read
     * @throws ConnectionResetError from the future, when the peer resets the connection
     * @throws BrokenPipeError from the future, when the peer closed its end
     * @asyncio await loop.sendfile(transport, file)
     */
    default Future<Long> sendfile(Transport transport, Path file) {
        return sendfile(transport, file, 0, -1);
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
     * @throws OSError from the future, when the file cannot be read
     * @throws ConnectionResetError from the future, when the peer resets the connection
     * @throws BrokenPipeError from the future, when the peer closed its end
     * @throws IllegalArgumentException asyncio's ValueError for a bad offset or count, or a transport of another kind
     * @throws IllegalStateException asyncio's RuntimeError "Transport is closing"
     * @asyncio await loop.sendfile(transport, file, offset=0, count=None, *, fallback=True)
     *     Differences: the file is named by its path; the fallback is always allowed.
     */
    default Future<Long> sendfile(Transport transport, Path file, long offset, long count) {
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
     * @throws OSError from the future, with errno 98 (EADDRINUSE) when the local address is already in use
     * @asyncio await loop.create_datagram_endpoint(protocol_factory, local_addr=None, remote_addr=None)
     */
    default <P extends DatagramProtocol> Future<DatagramEndpoint<P>> createDatagramEndpoint(
            Supplier<P> protocolFactory, InetSocketAddress local, InetSocketAddress remote) {
        throw new UnsupportedOperationException("this loop has no network transports");
    }

    /**
     * Creates a datagram endpoint with asyncio's keyword arguments: a UDP endpoint, a Unix datagram endpoint
     * ({@code family} {@code UNIX}, or {@link java.net.UnixDomainSocketAddress} addresses; a stale socket file at
     * {@code local} is removed first), or one over an already bound socket ({@link DatagramOptions#sock()} or
     * {@link DatagramOptions#sockFd()}, with no address and no other option). With {@code allowBroadcast} the endpoint
     * is not connected to {@code remote}: {@code remote} is the default destination of {@code sendto}.
     *
     * @param protocolFactory makes the endpoint's protocol
     * @param local the address to bind, or {@code null} for any
     * @param remote the address to connect to, or {@code null}
     * @param options the family, the socket options, the socket to adopt
     * @param <P> the protocol type
     * @return a future of the transport and protocol
     * @throws IllegalArgumentException asyncio's ValueError or TypeError: {@code reuseAddress}; a socket with
     *     addresses or options; neither addresses nor family ("unexpected address family"); addresses of another
     *     family than {@code family} or than each other ("can not get address information")
     * @throws UnsupportedOperationException for a Unix datagram endpoint on a backend that has none (NIO, io_uring),
     *     or a socket the backend cannot adopt
     * @throws OSError from the future, when the bind or connect fails
     * @asyncio await loop.create_datagram_endpoint(protocol_factory, local_addr=None, remote_addr=None, *,
     *     family=0, proto=0, flags=0, reuse_port=None, allow_broadcast=None, sock=None)
     */
    default <P extends DatagramProtocol> Future<DatagramEndpoint<P>> createDatagramEndpoint(
            Supplier<P> protocolFactory, java.net.SocketAddress local, java.net.SocketAddress remote,
            DatagramOptions options) {
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

    // ---------------------------------------------------------------- signals

    /**
     * Calls {@code callback} on this loop each time the process receives the signal: the JVM's signal thread hands it
     * to the loop with {@link #callSoonThreadsafe}, so it runs on the loop's thread, in order with the other
     * callbacks, and wakes a loop waiting for I/O. A second call for the same signal replaces the callback. While a
     * loop has a callback for a signal, the JVM's own handler for it (for SIGINT, SIGTERM and SIGHUP: the shutdown
     * that runs the shutdown hooks) does not run; {@link #removeSignalHandler} and {@link #close()} put it back.
     * Safe from any thread.
     *
     * @param sig the signal
     * @param callback the callback
     * @throws IllegalArgumentException "invalid signal number N" for a signal this platform lacks; "sig N cannot be
     *     caught" for SIGKILL, SIGSTOP and the signals the JVM keeps (see {@link Signal}), asyncio's RuntimeError
     * @throws IllegalStateException "Event loop is closed"
     * @asyncio loop.add_signal_handler(signum, callback, *args)
     *     Differences: a signal reaches every loop with a callback for it, where asyncio wakes the loop that set the
     *     wakeup descriptor last; any thread may add one, not only the main thread.
     */
    default void addSignalHandler(Signal sig, Runnable callback) {
        java.util.Objects.requireNonNull(sig, "sig");
        java.util.Objects.requireNonNull(callback, "callback");
        if (sig.number() < 0) {
            throw new IllegalArgumentException("invalid signal number " + sig.number());
        }
        io.jasyncio.internal.SignalHandlers.add(this, sig.number(), sig.name().substring(3), callback);
    }

    /**
     * Calls {@code callback} on this loop each time the process receives the signal with this number: as
     * {@link #addSignalHandler(Signal, Runnable)}.
     *
     * @param sig the signal's number, for example 1 for SIGHUP
     * @param callback the callback
     * @throws IllegalArgumentException "invalid signal number N", or "sig N cannot be caught"
     * @throws IllegalStateException "Event loop is closed"
     * @asyncio loop.add_signal_handler(signum, callback, *args)
     */
    default void addSignalHandler(int sig, Runnable callback) {
        addSignalHandler(Signal.of(sig), callback);
    }

    /**
     * Removes this loop's callback for a signal; when no loop has one left, the JVM's previous handler for it is back.
     * Safe from any thread.
     *
     * @param sig the signal
     * @return {@code true} if the loop had a callback for it
     * @throws IllegalArgumentException "invalid signal number N" for a signal this platform lacks
     * @asyncio loop.remove_signal_handler(sig)
     *     Differences: the handler put back is the JVM's previous one, where asyncio puts back SIG_DFL (for SIGINT,
     *     {@code default_int_handler}).
     */
    default boolean removeSignalHandler(Signal sig) {
        java.util.Objects.requireNonNull(sig, "sig");
        if (sig.number() < 0) {
            throw new IllegalArgumentException("invalid signal number " + sig.number());
        }
        return io.jasyncio.internal.SignalHandlers.remove(this, sig.number());
    }

    /**
     * Removes this loop's callback for the signal with this number: as {@link #removeSignalHandler(Signal)}.
     *
     * @param sig the signal's number
     * @return {@code true} if the loop had a callback for it
     * @throws IllegalArgumentException "invalid signal number N"
     * @asyncio loop.remove_signal_handler(sig)
     */
    default boolean removeSignalHandler(int sig) {
        return removeSignalHandler(Signal.of(sig));
    }

    // ---------------------------------------------------------------- errors

    /**
     * Sets the exception handler, or restores the default one with {@code null}. A custom handler is called for every
     * report: it sees repeats that the default handler would only count (see {@link #defaultExceptionHandler}).
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
     * The default exception handler: logs the message, the exception and the other keys to the logger {@code asyncio}
     * at ERROR. Repeats are summarised, so that a failure a client can cause at will cannot fill the log: the first
     * report of a kind (the same message, exception class and top frame of the exception's stack, and in debug mode the
     * same top frame of {@code source_traceback}) is logged in full; the reports of that kind in the next 10 seconds on
     * the loop's ticker are counted, not logged; then one line says "{@code <message> (<exception class>): repeated N
     * more times in the last 10 s}", and the next report of the kind is logged in full again. At most 64 kinds are
     * tracked, the least recently reported forgotten first; {@code close()} logs the counts still pending. See
     * "Repeated failures in the log" in the package documentation.
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
