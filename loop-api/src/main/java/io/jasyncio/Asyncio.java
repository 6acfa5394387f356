/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

import io.jasyncio.internal.BaseEventLoop;
import io.jasyncio.spi.EventLoopProvider;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The asyncio module's functions: making and finding loops, running coroutines and tasks, bridging Java's futures
 * and threads.
 *
 * @asyncio the asyncio package's top-level functions
 */
public final class Asyncio {

    private Asyncio() {
    }

    /**
     * Makes a new event loop with the default options, from the {@link EventLoopProvider} on the class path.
     *
     * @return a new loop
     * @throws IllegalStateException if no provider is on the class path
     * @asyncio asyncio.new_event_loop()
     */
    public static EventLoop newEventLoop() {
        return newEventLoop(LoopOptions.defaults());
    }

    /**
     * Makes a new event loop.
     *
     * @param options its clock, debug mode and backend
     * @return a new loop
     * @throws IllegalStateException if no provider is on the class path
     */
    public static EventLoop newEventLoop(LoopOptions options) {
        EventLoopProvider provider = ServiceLoader.load(EventLoopProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .max(Comparator.comparingInt(EventLoopProvider::priority))
                .orElseThrow(() -> new IllegalStateException(
                        "no event loop provider on the class path: add jasyncio-loop-netty"));
        return provider.newEventLoop(options);
    }

    /**
     * The loop running on the calling thread.
     *
     * @return the running loop
     * @throws IllegalStateException "no running event loop" when none runs on this thread
     * @asyncio asyncio.get_running_loop()
     */
    public static EventLoop getRunningLoop() {
        EventLoop loop = BaseEventLoop.runningLoop();
        if (loop == null) {
            throw new IllegalStateException("no running event loop");
        }
        return loop;
    }

    /**
     * Wraps a Java {@link CompletionStage} in a future of the given loop; safe from any thread. Cancelling the future
     * cancels the stage's {@link CompletableFuture} where it has one.
     *
     * @param stage the stage
     * @param loop the loop that the future belongs to
     * @param <T> the result type
     * @return a future completed on the loop when the stage completes
     * @asyncio asyncio.wrap_future(future, *, loop=None)
     */
    public static <T> Future<T> wrapFuture(CompletionStage<T> stage, EventLoop loop) {
        return ThreadBridge.wrapFuture(stage, loop);
    }

    /**
     * Wraps a Java {@link CompletionStage} in a future of the running loop.
     *
     * @param stage the stage
     * @param <T> the result type
     * @return a future completed on the running loop when the stage completes
     * @throws IllegalStateException if no loop runs on this thread
     * @asyncio asyncio.wrap_future(future)
     */
    public static <T> Future<T> wrapFuture(CompletionStage<T> stage) {
        return wrapFuture(stage, getRunningLoop());
    }

    // ---------------------------------------------------------------- coroutines and tasks

    /**
     * Suspends the current task until the future is done, then returns its result or throws its exception
     * (unwrapped, as {@link Future#result()} does). A future that is already done returns at once, without yielding.
     *
     * @param future the future; it must belong to the task's loop
     * @param <T> the result type
     * @return the result
     * @throws IllegalStateException when called outside a task, or (in debug mode) while holding a monitor
     * @throws CancelledError when the task is cancelled while it waits, or the future was cancelled
     * @asyncio await future
     *     Differences: never await inside a {@code synchronized} block or method: the suspended task keeps the monitor
     *     (use {@link Lock} or a {@code ReentrantLock}); see {@code io.jasyncio.internal.coro.MonitorCheck}.
     */
    public static <T> T await(Future<T> future) {
        Task<?> task = requireTask("await"); // also for a done future: the mistake must not depend on timing
        if (!future.done()) {
            task.suspendOn(future);
        }
        return future.result();
    }

    /**
     * Runs a coroutine inline in the current task and returns its result: no new task, as {@code await coro()}.
     *
     * @param coro the coroutine
     * @param <T> the result type
     * @return the result
     * @throws IllegalStateException when called outside a task
     * @asyncio await coro()
     */
    public static <T> T await(Coroutine<T> coro) {
        requireTask("await");
        try {
            return coro.call();
        } catch (Exception e) {
            throw Asyncio.<RuntimeException>sneaky(e);
        }
    }

    /**
     * A named coroutine object: what calling an {@code async def} function gives in Python. It runs once, when awaited
     * ({@link #await(Coroutine)}) or handed to a task; in debug mode, one that is collected without either is logged:
     * "coroutine 'name' was never awaited", with where it was made. Made where no loop runs, it is followed when debug
     * mode is on by default ({@code JASYNCIO_DEBUG=1}, {@code -Djasyncio.debug=true}).
     *
     * @param name its name, as a function's
     * @param body what it runs
     * @param <T> the result type
     * @return the coroutine object
     * @asyncio calling a coroutine function: {@code name()}
     */
    public static <T> Coroutine<T> coroutine(String name, Coroutine<T> body) {
        return new io.jasyncio.internal.CoroutineObject<>(name, body);
    }

    /**
     * Suspends the current task for {@code delay} seconds; {@code sleep(0)} yields for exactly one loop iteration.
     *
     * @param delay seconds
     * @asyncio asyncio.sleep(delay)
     */
    public static void sleep(double delay) {
        sleep(delay, null);
    }

    /**
     * Suspends the current task for {@code delay} seconds and returns {@code result}.
     *
     * @param delay seconds
     * @param result what to return
     * @param <T> the result type
     * @return {@code result}
     * @throws IllegalArgumentException "Invalid delay: NaN (not a number)", as asyncio 3.13
     * @asyncio asyncio.sleep(delay, result)
     */
    public static <T> T sleep(double delay, T result) {
        return Sleep.sleep(delay, result);
    }

    /**
     * Schedules a coroutine as a task of the running loop.
     *
     * @param coro the coroutine
     * @param <T> the result type
     * @return the task
     * @throws IllegalStateException if no loop runs on this thread
     * @asyncio asyncio.create_task(coro)
     */
    public static <T> Task<T> createTask(Coroutine<T> coro) {
        return getRunningLoop().createTask(coro);
    }

    /**
     * Schedules a coroutine as a named task of the running loop.
     *
     * @param coro the coroutine
     * @param name the name
     * @param <T> the result type
     * @return the task
     * @asyncio asyncio.create_task(coro, name=name)
     */
    public static <T> Task<T> createTask(Coroutine<T> coro, String name) {
        return getRunningLoop().createTask(coro, name);
    }

    /**
     * Schedules a coroutine as a task of the running loop, inside the given context (not a copy of it).
     *
     * @param coro the coroutine
     * @param name the name, or {@code null} for {@code Task-N}
     * @param context the context, or {@code null} for a copy of the current one
     * @param <T> the result type
     * @return the task
     * @throws IllegalStateException if no loop runs on this thread
     * @asyncio asyncio.create_task(coro, name=name, context=context)
     */
    public static <T> Task<T> createTask(Coroutine<T> coro, String name, Context context) {
        return getRunningLoop().createTask(coro, name, context);
    }

    // ---------------------------------------------------------------- threads

    /**
     * Submits a coroutine to a loop from any thread other than the loop's: it runs there as a task, and the returned
     * {@link CompletableFuture} completes with the task's result, its exception, or cancelled. Cancelling the
     * {@code CompletableFuture} cancels the task. This is the way in to a loop from other threads.
     *
     * <p>A failure to make the task on the loop (a task factory that throws) completes the {@code CompletableFuture}
     * with it, and is reported to the loop's exception handler as a failed callback.
     *
     * @param coro the coroutine
     * @param loop the loop to run it on
     * @param <T> the result type
     * @return a future completed from the loop's thread
     * @throws IllegalStateException "Event loop is closed" when the loop is closed
     * @asyncio asyncio.run_coroutine_threadsafe(coro, loop)
     *     Differences: a {@code java.util.concurrent.CompletableFuture} where asyncio gives a
     *     {@code concurrent.futures.Future}; its {@code get()} throws {@code ExecutionException} around the task's
     *     exception, and {@code CancellationException} when the task was cancelled.
     */
    public static <T> CompletableFuture<T> runCoroutineThreadsafe(Coroutine<T> coro, EventLoop loop) {
        return ThreadBridge.runCoroutineThreadsafe(coro, loop);
    }

    /**
     * Runs a blocking function in the running loop's default executor, inside a copy of the caller's context (so
     * {@link ContextVar}s set in the task are seen there), and suspends the current task until it returns.
     *
     * @param fn the function
     * @param <T> the result type
     * @return what {@code fn} returns
     * @throws IllegalStateException when called outside a task
     * @throws CancelledError when the task is cancelled while it waits (the function runs on regardless)
     * @asyncio await asyncio.to_thread(func, *args, **kwargs)
     *     Differences: no {@code *args}: capture them in the lambda.
     */
    public static <T> T toThread(java.util.concurrent.Callable<T> fn) {
        return ThreadBridge.toThread(fn);
    }

    /**
     * A future for a future: the future itself.
     *
     * @param future the future
     * @param <T> the result type
     * @return {@code future}
     * @asyncio asyncio.ensure_future(future)
     */
    public static <T> Future<T> ensureFuture(Future<T> future) {
        return java.util.Objects.requireNonNull(future, "future");
    }

    /**
     * A future for a coroutine: a new task of the running loop.
     *
     * @param coro the coroutine
     * @param <T> the result type
     * @return the new task
     * @throws IllegalStateException if no loop runs on this thread
     * @asyncio asyncio.ensure_future(coro)
     */
    public static <T> Task<T> ensureFuture(Coroutine<T> coro) {
        return createTask(java.util.Objects.requireNonNull(coro, "coro"));
    }

    /**
     * The task whose step runs now on this thread's loop.
     *
     * @return the task, or {@code null} outside a task
     * @asyncio asyncio.current_task()
     */
    public static Task<?> currentTask() {
        BaseEventLoop loop = BaseEventLoop.runningLoop();
        return loop == null ? null : loop.currentTask();
    }

    /**
     * The task whose step runs now on a given loop.
     *
     * @param loop the loop
     * @return the task, or {@code null} when no task step runs on it
     * @asyncio asyncio.current_task(loop)
     */
    public static Task<?> currentTask(EventLoop loop) {
        return ((BaseEventLoop) loop).currentTask();
    }

    /**
     * The tasks of a given loop that are not done.
     *
     * @param loop the loop
     * @return a new set
     * @asyncio asyncio.all_tasks(loop)
     */
    public static java.util.Set<Task<?>> allTasks(EventLoop loop) {
        return ((BaseEventLoop) loop).allTasks();
    }

    /**
     * The tasks of the running loop that are not done.
     *
     * @return a new set
     * @asyncio asyncio.all_tasks()
     */
    public static java.util.Set<Task<?>> allTasks() {
        return ((BaseEventLoop) getRunningLoop()).allTasks();
    }

    /**
     * Runs a coroutine on a new loop and returns its result: makes the loop, runs the coroutine as a task, then
     * cancels the tasks left over and waits for them, shuts the default executor down, and closes the loop.
     *
     * @param main the coroutine
     * @param <T> the result type
     * @return its result
     * @throws IllegalStateException if a loop already runs on this thread
     * @asyncio asyncio.run(main)
     */
    public static <T> T run(Coroutine<T> main) {
        return run(main, LoopOptions.defaults());
    }

    /**
     * {@link #run(Coroutine)} with loop options (a ticker, debug mode, a backend).
     *
     * @param main the coroutine
     * @param options the loop's options
     * @param <T> the result type
     * @return its result
     * @asyncio asyncio.run(main, debug=...)
     */
    public static <T> T run(Coroutine<T> main, LoopOptions options) {
        if (BaseEventLoop.runningLoop() != null) {
            throw new IllegalStateException("asyncio.run() cannot be called from a running event loop");
        }
        try (Runner runner = new Runner(options)) {
            return runner.run(main);
        }
    }

    /**
     * Runs futures concurrently; the result is the list of their results, in order. The first exception is
     * propagated to the returned future (the others keep running); cancelling the returned future cancels every
     * child; a child cancelled on its own counts as an exception ({@link CancelledError}). Futures of several result
     * types gather into a {@code Future<List<Object>>}.
     *
     * @param futures the futures (tasks are futures); one given twice is awaited once
     * @param <T> the results' common type
     * @return a future of the results; with no future, a future done with an empty list (a loop must be running)
     * @asyncio asyncio.gather(*aws, return_exceptions=False)
     */
    @SafeVarargs
    @SuppressWarnings("varargs") // the array only becomes a read-only list
    public static <T> Future<List<T>> gather(Future<? extends T>... futures) {
        return Gather.gather(false, Arrays.asList(futures));
    }

    /**
     * Runs coroutines concurrently, each in a new task of the running loop: as {@link #gather(Future[])}.
     *
     * @param coros the coroutines
     * @param <T> the results' common type
     * @return a future of the results
     * @asyncio asyncio.gather(*coros)
     */
    @SafeVarargs
    @SuppressWarnings("varargs") // the array only becomes a read-only list
    public static <T> Future<List<T>> gather(Coroutine<? extends T>... coros) {
        return Gather.gather(false, Arrays.asList(coros));
    }

    /**
     * Runs a collection of futures concurrently: as {@link #gather(Future[])}.
     *
     * @param futures the futures, in the order of the results
     * @param <T> the results' common type
     * @return a future of the results
     * @asyncio asyncio.gather(*aws)
     */
    public static <T> Future<List<T>> gather(Collection<? extends Future<? extends T>> futures) {
        return Gather.gather(false, futures);
    }

    /**
     * {@link #gather(Future[])} with asyncio's {@code return_exceptions=True}: exceptions are returned in the list like
     * results (so its elements are results or {@link Throwable}s), and the future fails only if cancelled.
     *
     * @param futures the futures
     * @return a future of the results and exceptions, in order
     * @asyncio asyncio.gather(*aws, return_exceptions=True)
     */
    public static Future<List<Object>> gatherReturnExceptions(Future<?>... futures) {
        return Gather.gather(true, Arrays.asList(futures));
    }

    /**
     * {@link #gatherReturnExceptions(Future[])} for coroutines, each run in a new task of the running loop.
     *
     * @param coros the coroutines
     * @return a future of the results and exceptions, in order
     * @asyncio asyncio.gather(*coros, return_exceptions=True)
     */
    public static Future<List<Object>> gatherReturnExceptions(Coroutine<?>... coros) {
        return Gather.gather(true, Arrays.asList(coros));
    }

    /**
     * {@link #gatherReturnExceptions(Future[])} for a collection of futures.
     *
     * @param futures the futures
     * @return a future of the results and exceptions, in order
     * @asyncio asyncio.gather(*aws, return_exceptions=True)
     */
    public static Future<List<Object>> gatherReturnExceptions(Collection<? extends Future<?>> futures) {
        return Gather.gather(true, futures);
    }

    /**
     * Protects a future from cancellation: cancelling the returned future does not cancel the inner one.
     *
     * @param future the inner future
     * @param <T> the result type
     * @return the outer future (the inner one itself if it is done)
     * @asyncio asyncio.shield(aw)
     */
    public static <T> Future<T> shield(Future<T> future) {
        return Gather.shield(future);
    }

    /**
     * Protects a coroutine from cancellation: it runs in a new task, which cancelling the returned future does not
     * cancel.
     *
     * @param coro the coroutine
     * @param <T> the result type
     * @return the outer future
     * @asyncio asyncio.shield(coro)
     */
    public static <T> Future<T> shield(Coroutine<T> coro) {
        return Gather.shield(ensureFuture(coro));
    }

    /**
     * Waits for a future with a timeout, from inside a task: on timeout the future is cancelled, waited for, and
     * {@link TimeoutError} thrown.
     *
     * @param future the future
     * @param timeout seconds, or {@code null} for none
     * @param <T> the result type
     * @return the result
     * @throws TimeoutError on timeout
     * @throws IllegalStateException when called outside a task
     * @asyncio await asyncio.wait_for(aw, timeout)
     */
    public static <T> T waitFor(Future<T> future, Double timeout) {
        java.util.Objects.requireNonNull(future, "future");
        return Waits.waitFor(() -> future, timeout);
    }

    /**
     * Runs a coroutine in a new task and waits for it with a timeout: on timeout the task is cancelled, waited for,
     * and {@link TimeoutError} thrown.
     *
     * @param coro the coroutine
     * @param timeout seconds, or {@code null} for none
     * @param <T> the result type
     * @return the result
     * @throws TimeoutError on timeout
     * @throws IllegalStateException when called outside a task
     * @asyncio await asyncio.wait_for(coro, timeout)
     */
    public static <T> T waitFor(Coroutine<T> coro, Double timeout) {
        java.util.Objects.requireNonNull(coro, "coro");
        return Waits.waitFor(() -> ensureFuture(coro), timeout);
    }

    /**
     * Waits, from inside a task, for futures until the condition: {@link ReturnWhen#FIRST_COMPLETED},
     * {@link ReturnWhen#FIRST_EXCEPTION} or {@link ReturnWhen#ALL_COMPLETED}, or the timeout. Cancels nothing.
     *
     * @param futures the futures, not empty; coroutines are refused, as asyncio 3.11+ does
     * @param timeout seconds, or {@code null} for none
     * @param returnWhen the condition
     * @param <T> the results' common type
     * @return the done and the pending futures
     * @throws IllegalArgumentException "Set of Tasks/Futures is empty."
     * @throws IllegalStateException when called outside a task
     * @asyncio await asyncio.wait(aws, timeout=None, return_when=ALL_COMPLETED)
     */
    public static <T> WaitResult<T> wait(Collection<? extends Future<? extends T>> futures, Double timeout,
            ReturnWhen returnWhen) {
        return Waits.wait(futures, timeout, returnWhen);
    }

    /**
     * Coroutines that return the results of the futures in the order they complete: awaiting the n-th gives the n-th
     * to complete (or throws its exception, or {@link TimeoutError} when the timeout passes first).
     *
     * @param futures the futures
     * @param timeout seconds, or {@code null} for none
     * @param <T> the results' common type
     * @return one coroutine per future
     * @asyncio asyncio.as_completed(aws, timeout=None)
     */
    public static <T> List<Coroutine<T>> asCompleted(Collection<? extends Future<? extends T>> futures,
            Double timeout) {
        return Waits.asCompleted(futures, timeout);
    }

    /**
     * Runs a body in the current task with a deadline {@code delay} seconds from now: at the deadline the task is
     * cancelled, and the {@link CancelledError} that comes out of the body becomes a {@link TimeoutError}.
     *
     * @param delay seconds, or {@code null} for no deadline
     * @param body the body
     * @param <T> the result type
     * @return the body's result
     * @throws TimeoutError when the deadline passed
     * @asyncio async with asyncio.timeout(delay)
     */
    public static <T> T timeout(Double delay, Coroutine<T> body) {
        return Timeout.after(delay).run(body);
    }

    /**
     * Runs a body in the current task with an absolute deadline, in the seconds of {@code loop.time()}.
     *
     * @param when the deadline, or {@code null} for none
     * @param body the body
     * @param <T> the result type
     * @return the body's result
     * @throws TimeoutError when the deadline passed
     * @asyncio async with asyncio.timeout_at(when)
     */
    public static <T> T timeoutAt(Double when, Coroutine<T> body) {
        return Timeout.at(when).run(body);
    }

    // ---------------------------------------------------------------- streams

    /**
     * Opens a TCP connection and returns its stream pair, suspending the current task until it is connected.
     *
     * @param host the host
     * @param port the port
     * @return the reader and the writer
     * @throws ConnectionRefusedError when nothing listens there
     * @throws OSError for the other connect failures
     * @throws GaiError when the host cannot be resolved
     * @throws IllegalStateException when called outside a task
     * @asyncio await asyncio.open_connection(host, port)
     */
    public static Streams openConnection(String host, int port) {
        return openConnection(host, port, ConnectionOptions.defaults());
    }

    /**
     * Opens a TCP connection with {@code createConnection}'s options (TLS, the server name, a local address, the TLS
     * timeouts, happy eyeballs) and the reader's limit ({@link ConnectionOptions#withLimit}). With TLS, it returns
     * once the handshake is done.
     *
     * @param host the host
     * @param port the port
     * @param options the options
     * @return the reader and the writer
     * @throws ConnectionRefusedError when nothing listens there
     * @throws OSError for the other connect failures, and a failed TLS handshake's
     * @throws GaiError when the host cannot be resolved
     * @throws IllegalStateException when called outside a task
     * @asyncio await asyncio.open_connection(host, port, limit=limit, ssl=..., server_hostname=..., local_addr=...)
     */
    public static Streams openConnection(String host, int port, ConnectionOptions options) {
        return StreamFunctions.openConnection(host, port, options);
    }

    /**
     * Starts a TCP server whose clients are served by {@code clientConnected}, each in a new task; suspends the current
     * task until it listens.
     *
     * @param clientConnected the handler
     * @param host the address to bind, or {@code null} for every interface
     * @param port the port, 0 for any
     * @return the server, listening
     * @throws OSError with errno 98 (EADDRINUSE) when the address is already in use
     * @throws GaiError when the host cannot be resolved
     * @throws IllegalStateException when called outside a task
     * @asyncio await asyncio.start_server(client_connected_cb, host, port)
     */
    public static Server startServer(Streams.ClientConnected clientConnected, String host, int port) {
        return startServer(clientConnected, host, port, ServerOptions.defaults());
    }

    /**
     * Starts a TCP server with {@code createServer}'s options (backlog, address reuse, TLS, whether to start serving,
     * several hosts) and the clients' reader limit ({@link ServerOptions#withLimit}).
     *
     * @param clientConnected the handler, run in a new task for each client
     * @param host the address to bind, or {@code null} for every interface or the options' hosts
     * @param port the port, 0 for any
     * @param options the options
     * @return the server
     * @throws OSError with errno 98 (EADDRINUSE) when the address is already in use
     * @throws GaiError when a host cannot be resolved
     * @throws IllegalStateException when called outside a task
     * @asyncio await asyncio.start_server(client_connected_cb, host, port, limit=limit, **kwds)
     */
    public static Server startServer(Streams.ClientConnected clientConnected, String host, int port,
            ServerOptions options) {
        return StreamFunctions.startServer(clientConnected, host, port, options);
    }

    /**
     * Opens a Unix socket connection and returns its stream pair, from inside a task.
     *
     * @param path the socket's path
     * @return the reader and the writer
     * @throws ConnectionRefusedError when nothing listens on the path
     * @throws OSError for the other failures
     * @throws IllegalStateException when called outside a task
     * @asyncio await asyncio.open_unix_connection(path)
     */
    public static Streams openUnixConnection(String path) {
        return openUnixConnection(path, ConnectionOptions.defaults());
    }

    /**
     * Opens a Unix socket connection with {@code createUnixConnection}'s options (TLS and a server name) and the
     * reader's limit.
     *
     * @param path the socket's path
     * @param options the options
     * @return the reader and the writer
     * @throws ConnectionRefusedError when nothing listens on the path
     * @throws OSError for the other failures
     * @throws IllegalStateException when called outside a task
     * @asyncio await asyncio.open_unix_connection(path, limit=limit, **kwds)
     */
    public static Streams openUnixConnection(String path, ConnectionOptions options) {
        return StreamFunctions.openUnixConnection(path, options);
    }

    /**
     * Starts a Unix socket server whose clients are served by {@code clientConnected}, each in a new task.
     *
     * @param clientConnected the handler
     * @param path the socket's path
     * @return the server, listening
     * @throws OSError with errno 98 (EADDRINUSE) when a server listens on the path already
     * @throws IllegalStateException when called outside a task
     * @asyncio await asyncio.start_unix_server(client_connected_cb, path)
     */
    public static Server startUnixServer(Streams.ClientConnected clientConnected, String path) {
        return startUnixServer(clientConnected, path, ServerOptions.defaults());
    }

    /**
     * Starts a Unix socket server with {@code createUnixServer}'s options and the clients' reader limit.
     *
     * @param clientConnected the handler, run in a new task for each client
     * @param path the socket's path
     * @param options the options
     * @return the server
     * @throws OSError with errno 98 (EADDRINUSE) when a server listens on the path already
     * @throws IllegalStateException when called outside a task
     * @asyncio await asyncio.start_unix_server(client_connected_cb, path, limit=limit, **kwds)
     */
    public static Server startUnixServer(Streams.ClientConnected clientConnected, String path,
            ServerOptions options) {
        return StreamFunctions.startUnixServer(clientConnected, path, options);
    }

    // ---------------------------------------------------------------- subprocesses

    /**
     * Starts a child process running {@code program} with {@code args}, not through a shell, every standard stream
     * inherited; suspends the current task until it has started.
     *
     * @param program the program, found on the {@code PATH} when it has no slash
     * @param args its arguments
     * @return the process
     * @throws OSError when the program cannot be started (errno 2 when it does not exist)
     * @throws IllegalStateException when called outside a task
     * @asyncio await asyncio.create_subprocess_exec(program, *args)
     */
    public static Subprocess createSubprocessExec(String program, String... args) {
        return createSubprocessExec(program, List.of(args), SubprocessOptions.defaults());
    }

    /**
     * Starts a child process running {@code program} with {@code args}, not through a shell; suspends the current
     * task until it has started. Its stdin, stdout and stderr are {@link Subprocess}'s streams where the options make
     * them {@link SubprocessOptions#PIPE}s.
     *
     * @param program the program, found on the {@code PATH} when it has no slash
     * @param args its arguments
     * @param options the working directory, environment, standard streams and reader limit
     * @return the process
     * @throws OSError when the program cannot be started (errno 2 when it does not exist)
     * @throws IllegalStateException when called outside a task
     * @asyncio await asyncio.create_subprocess_exec(program, *args, stdin=..., stdout=..., stderr=..., limit=...)
     */
    public static Subprocess createSubprocessExec(String program, List<String> args, SubprocessOptions options) {
        requireTask("createSubprocessExec");
        List<String> all = new java.util.ArrayList<>(args.size() + 1);
        all.add(java.util.Objects.requireNonNull(program, "program"));
        all.addAll(args);
        return Subprocess.start(all, false, options);
    }

    /**
     * Starts {@code /bin/sh -c cmd}, every standard stream inherited; suspends the current task until it has
     * started.
     *
     * @param cmd the command line, for the shell to parse
     * @return the process
     * @throws IllegalStateException when called outside a task
     * @asyncio await asyncio.create_subprocess_shell(cmd)
     */
    public static Subprocess createSubprocessShell(String cmd) {
        return createSubprocessShell(cmd, SubprocessOptions.defaults());
    }

    /**
     * Starts {@code /bin/sh -c cmd}; suspends the current task until it has started.
     *
     * @param cmd the command line, for the shell to parse
     * @param options the working directory, environment, standard streams and reader limit
     * @return the process
     * @throws IllegalStateException when called outside a task
     * @asyncio await asyncio.create_subprocess_shell(cmd, stdin=..., stdout=..., stderr=..., limit=...)
     */
    public static Subprocess createSubprocessShell(String cmd, SubprocessOptions options) {
        requireTask("createSubprocessShell");
        return Subprocess.start(List.of(java.util.Objects.requireNonNull(cmd, "cmd")), true, options);
    }

    static Task<?> requireTask(String what) {
        BaseEventLoop loop = BaseEventLoop.runningLoop();
        Task<?> task = loop == null ? null : loop.currentTask();
        if (task == null) {
            throw new IllegalStateException(what + " outside a task: run the coroutine with Asyncio.run(...) or "
                    + "loop.createTask(...), and call " + what + " from inside it");
        }
        return task;
    }

    @SuppressWarnings("unchecked")
    static <E extends Throwable> E sneaky(Throwable t) throws E {
        throw (E) t;
    }
}
