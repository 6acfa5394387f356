/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */

/**
 * The asyncio surface in Java: the event loop, futures, handles, the exception handler, and (with the other modules)
 * tasks, protocols and transports. No Netty import anywhere in this module.
 *
 * <h2>Purpose</h2>
 * asyncio's programming model, names and semantics for JVM code: one thread runs callbacks, timers and I/O, one at a
 * time. Everything a user touches is here; the I/O backend is found at run time through
 * {@link io.jasyncio.spi.EventLoopProvider} ({@code loop-netty} provides it).
 *
 * <h2>asyncio mapping</h2>
 * <table>
 * <caption>asyncio names and their Java homes</caption>
 * <tr><th>asyncio</th><th>jasyncio</th></tr>
 * <tr><td>{@code events.AbstractEventLoop}</td><td>{@link io.jasyncio.EventLoop}</td></tr>
 * <tr><td>{@code base_events.BaseEventLoop}</td><td>{@link io.jasyncio.internal.BaseEventLoop}</td></tr>
 * <tr><td>{@code events.Handle}, {@code events.TimerHandle}</td><td>{@link io.jasyncio.Handle},
 *     {@link io.jasyncio.TimerHandle}</td></tr>
 * <tr><td>{@code futures.Future}</td><td>{@link io.jasyncio.Future}</td></tr>
 * <tr><td>the context dict of {@code call_exception_handler}</td><td>{@link io.jasyncio.ExceptionContext}</td></tr>
 * <tr><td>{@code asyncio.new_event_loop}, {@code get_running_loop}, {@code wrap_future}</td>
 *     <td>{@link io.jasyncio.Asyncio}</td></tr>
 * <tr><td>{@code CancelledError}, {@code InvalidStateError}, {@code TimeoutError}</td>
 *     <td>unchecked exceptions of the same names</td></tr>
 * <tr><td>{@code RuntimeError}</td><td>{@link java.lang.IllegalStateException}</td></tr>
 * <tr><td>{@code OSError}, {@code ConnectionError}, {@code ConnectionRefusedError}, {@code ConnectionResetError},
 *     {@code ConnectionAbortedError}, {@code BrokenPipeError}, {@code ssl.SSLError}, {@code socket.gaierror},
 *     {@code errno}</td>
 *     <td>{@link io.jasyncio.OSError} (an {@link java.io.UncheckedIOException}) and its subclasses of the same names,
 *     {@link io.jasyncio.SSLError}, {@link io.jasyncio.GaiError}, {@link io.jasyncio.Errno}: every awaited network
 *     operation fails with one of them, the {@code java.net}, {@code javax.net.ssl} or Netty exception as its
 *     cause</td></tr>
 * </table>
 * Names convert mechanically at each {@code _}: {@code call_soon_threadsafe} is {@code callSoonThreadsafe}.
 * {@link io.jasyncio.Asyncio} is the module's facade: its static methods carry the documentation and hand the work to
 * package-private classes, one per concern ({@code Gather}, {@code Waits}, {@code Sleep}, {@code ThreadBridge},
 * {@code StreamFunctions}), as CPython's {@code asyncio/__init__.py} gathers {@code tasks.py}, {@code threads.py} and
 * {@code streams.py}.
 *
 * <h2>Coroutines and tasks</h2>
 * A {@link io.jasyncio.Coroutine} is a lambda that a {@link io.jasyncio.Task} runs one step at a time: a step runs until
 * {@link io.jasyncio.Asyncio#await(io.jasyncio.Future)} meets a future that is not done, then the task waits for that
 * future's done callback. With {@code --add-exports java.base/jdk.internal.vm=ALL-UNNAMED} on the class path
 * ({@code =io.jasyncio} on the module path) a task is a JDK continuation on the loop thread itself; without it, a
 * virtual thread that takes turns with the loop thread (see {@code io.jasyncio.internal.coro}). Scopes that must see
 * the body's exception take a lambda: {@link io.jasyncio.TaskGroup#run}, {@link io.jasyncio.Timeout#run},
 * {@code Asyncio.timeout(delay, body)}.
 *
 * <h2>What suspends and what returns a future</h2>
 * One rule, for every asyncio coroutine ({@code async def}) of the API:
 * <ul>
 * <li>The {@link io.jasyncio.EventLoop} methods that asyncio declares {@code async def} return a
 *     {@link io.jasyncio.Future} at once: {@code createServer}, {@code createConnection}, {@code createUnixServer},
 *     {@code createUnixConnection}, {@code createDatagramEndpoint}, {@code startTls}, {@code sendfile},
 *     {@code runInExecutor}, {@code shutdownDefaultExecutor}, {@link io.jasyncio.SocketLoop}'s {@code sock*}
 *     methods, {@code connectAcceptedSocket}, {@code getaddrinfo} and {@code getnameinfo}, and
 *     {@link io.jasyncio.SubprocessLoop}'s {@code subprocessExec}, {@code subprocessShell}, {@code connectReadPipe}
 *     and {@code connectWritePipe}. They may be called from a task, a callback, or outside the running loop (on its
 *     thread); the future is awaited with {@link io.jasyncio.Asyncio#await(io.jasyncio.Future)}
 *     in a task, with {@code loop.runUntilComplete(future)} outside one, or given a done callback. In debug mode, such
 *     a future that is collected without having been awaited, read, cancelled or given a callback is logged: "future
 *     returned by loop.createServer() was never awaited" (with {@code jasyncio-debug}).</li>
 * <li>Every other asyncio coroutine suspends the current task in place and returns its result: it must run in a task,
 *     and called outside one it throws {@link java.lang.IllegalStateException} at once. That is {@code Asyncio.await},
 *     {@code sleep}, {@code waitFor}, {@code wait}, {@code openConnection}, {@code startServer},
 *     {@code createSubprocessExec}, {@code createSubprocessShell} and the rest of {@link io.jasyncio.Asyncio}'s
 *     coroutines; {@link io.jasyncio.Subprocess}'s {@code wait_} and {@code communicate};
 *     {@link io.jasyncio.Server#waitClosed()}, {@link io.jasyncio.Server#startServing()} and
 *     {@link io.jasyncio.Server#serveForever()};
 *     {@link io.jasyncio.StreamReader}'s reads and {@link io.jasyncio.StreamWriter}'s {@code drain},
 *     {@code waitClosed} and {@code startTls}; the locks' {@code acquire} and {@code wait_}; the queues' {@code put},
 *     {@code get} and {@code join}; {@link io.jasyncio.TaskGroup} and {@link io.jasyncio.Timeout}. Outside a task, run
 *     one as a task: {@code loop.runUntilComplete(() -> { server.waitClosed(); return null; })}.</li>
 * <li>What asyncio does not declare {@code async def} neither suspends nor waits: {@code gather}, {@code shield},
 *     {@code ensureFuture} and {@code wrapFuture} return a future (as asyncio's do), {@code asCompleted} returns
 *     coroutines, {@code createTask} returns a task.</li>
 * <li>{@link io.jasyncio.LoopGroup}'s {@code createServer} and {@code startServer} are for threads outside the group:
 *     they block the calling thread until the server listens, and are no coroutines.</li>
 * </ul>
 * So a forgotten {@code Asyncio.await} cannot hide: a suspending method needs no await, and an unawaited future of
 * the loop is reported in debug mode.
 *
 * <h2>Names that clash with Object</h2>
 * asyncio names that clash with {@link java.lang.Object}'s final methods take a trailing underscore, as PEP 8 does for
 * keywords: {@code Event.wait_()}, {@code Condition.wait_()}, {@code Condition.notify_(n)},
 * {@code Condition.notifyAll_()}, {@code Barrier.wait_()}. {@code async with} becomes try-with-resources on
 * {@code hold()}: {@code try (var held = lock.hold()) { ... }}.
 *
 * <h2>Protocols, transports, streams</h2>
 * {@link io.jasyncio.Protocol}, {@link io.jasyncio.BufferedProtocol}, {@link io.jasyncio.Transport} and
 * {@link io.jasyncio.Server} are asyncio's callback API; {@code EventLoop.createServer} and
 * {@code createConnection} are implemented by the Netty loop. {@link io.jasyncio.StreamReader} and
 * {@link io.jasyncio.StreamWriter} are built on them here, loop-agnostic, through
 * {@link io.jasyncio.StreamReaderProtocol}. The reader's buffered bytes and their array are those of its
 * package-private superclass {@code ReaderBuffer}; what its waiting read takes straight from the bytes that arrive is
 * done by {@code ReaderTakes}' static helpers: a reader stays one object, and an idle one holds no array.
 *
 * <h2>Synchronization primitives and queues</h2>
 * {@link io.jasyncio.Lock}, {@link io.jasyncio.Event}, {@link io.jasyncio.Condition}, {@link io.jasyncio.Semaphore},
 * {@link io.jasyncio.BoundedSemaphore} and {@link io.jasyncio.Barrier} are {@code locks.py};
 * {@link io.jasyncio.Queue}, {@link io.jasyncio.PriorityQueue} and {@link io.jasyncio.LifoQueue} are {@code queues.py}.
 * <ul>
 * <li>They are not thread-safe: they serve the tasks of one loop, on its thread. The methods that may wait
 *     ({@code acquire}, {@code wait_}, {@code waitFor}, {@code put}, {@code get}, {@code join}, {@code Barrier.reset}
 *     and {@code abort}) suspend the current task and must run in one; the others ({@code release}, {@code set},
 *     {@code notify_}, {@code putNowait}, {@code getNowait}, {@code taskDone}, {@code shutdown}) may run in any code on
 *     the loop's thread.</li>
 * <li>Like asyncio's {@code _LoopBoundMixin}, they can be created before any loop runs and bind to the running loop
 *     the first time they make a waiter; a waiter for another loop then fails with asyncio's
 *     "&lt;repr&gt; is bound to a different event loop" ({@link java.lang.IllegalStateException}).</li>
 * <li>The rename rule above applies to every clash with {@link java.lang.Object}: {@code Event.wait_()},
 *     {@code Condition.wait_()}, {@code notify_(n)}, {@code notify_()}, {@code notifyAll_()},
 *     {@code Barrier.wait_()}. Names that do not clash keep the mechanical conversion ({@code wait_for} is
 *     {@code waitFor}, {@code n_waiting} is {@code nWaiting}, {@code put_nowait} is {@code putNowait}).</li>
 * <li>{@code async with} is try-with-resources on {@code hold()}, which acquires and returns the handle that
 *     {@code close()} releases: {@code try (var held = lock.hold()) { ... }}, likewise for conditions and semaphores;
 *     {@code async with barrier as i} is {@code try (var passed = barrier.hold()) { int i = passed.index(); }}.</li>
 * <li>Errors keep asyncio's messages. RuntimeError is {@link java.lang.IllegalStateException} ("Lock is not
 *     acquired.", "cannot wait on un-acquired lock"); so is a ValueError about the object's state ("BoundedSemaphore
 *     released too many times", "task_done() called too many times"); a ValueError about an argument is
 *     {@link java.lang.IllegalArgumentException} ("Semaphore initial value must be &gt;= 0", "parties must be &gt;
 *     0").</li>
 * <li>Waiters are served first in, first out, and a waiter that is cancelled after being woken but before it runs
 *     passes the wake-up on (asyncio 3.12's {@code _wake_up_first}, {@code _wake_up_next} and {@code _wakeup_next}),
 *     so no wake-up, permit, item or free slot is lost to a cancellation.</li>
 * </ul>
 *
 * <h2>Threading model</h2>
 * One loop, one thread: the thread that calls {@code runForever()} or {@code runUntilComplete()}. Every method of
 * {@link io.jasyncio.EventLoop}, {@link io.jasyncio.Future} and {@link io.jasyncio.Handle} is for that thread (or for any
 * single thread while the loop is not running), except {@code callSoonThreadsafe}, {@code stop}, {@code isRunning},
 * {@code isClosed}, {@code time} and {@code Future.toCompletableFuture}, which are safe from any thread. In debug mode
 * {@code callSoon}, {@code callLater} and {@code callAt} from another thread raise asyncio's "Non-thread-safe operation
 * invoked on an event loop other than the current one".
 *
 * <p>Other threads reach a loop through {@code callSoonThreadsafe} and
 * {@link io.jasyncio.Asyncio#runCoroutineThreadsafe}, which hands back a {@code CompletableFuture} of the task's
 * outcome (cancelling it cancels the task); tasks reach other threads through {@code runInExecutor} and
 * {@link io.jasyncio.Asyncio#toThread}, which runs the function inside a copy of the task's context.
 *
 * <h2>Contexts</h2>
 * {@link io.jasyncio.Context} and {@link io.jasyncio.ContextVar} are Python's {@code contextvars}. Code runs inside
 * one context: a task's own (a copy of its creator's, or the one given to {@code createTask(coro, name, context)}), or
 * outside tasks the current thread's, which {@code Context.run} replaces for one call. A callback scheduled with a
 * context ({@code callSoon(callback, context)}, {@code callLater}, {@code callAt}) runs inside it; one scheduled
 * without runs in the loop thread's context, where asyncio would copy the scheduler's: the loop does not copy a
 * context for each callback, so that {@code callSoon} stays allocation-free.
 *
 * <h2>Signals</h2>
 * {@code loop.addSignalHandler(Signal.SIGTERM, callback)} is asyncio's {@code add_signal_handler}, on the JDK's
 * {@code sun.misc.Signal}: the JVM runs its handler on a signal thread, which hands the callback to the loop with
 * {@code callSoonThreadsafe}, so it runs on the loop's thread in order with the other callbacks and wakes a loop
 * waiting for I/O. A signal belongs to the process: every loop with a callback for it hears it, and while one has,
 * the JVM's own handler (for SIGINT, SIGTERM and SIGHUP, the shutdown that runs the shutdown hooks) does not run. The
 * last callback removed, or the loop closed, that handler is back. SIGKILL, SIGSTOP and the signals the JVM keeps
 * (SIGQUIT, SIGSEGV, SIGBUS, SIGUSR2, SIGPIPE...) are refused: "sig N cannot be caught".
 *
 * <h2>Invariants</h2>
 * <ul>
 * <li>One FIFO order of callbacks: {@code callSoon} first moves the inbox of {@code callSoonThreadsafe} into the ready
 *     queue, so a callback scheduled from another thread before (happens-before) a {@code callSoon} runs before it.</li>
 * <li>An iteration runs exactly the callbacks that were ready when it began; the rest wait for the next one.</li>
 * <li>Timers run in deadline order, equal deadlines in scheduling order.</li>
 * <li>Future callbacks are always scheduled with {@code callSoon}, never called inline.</li>
 * <li>Nothing of a loop runs while it is not running: no callback, no timer, no I/O callback.</li>
 * </ul>
 *
 * <h2>Guarantees</h2>
 * A callback that throws an exception never stops the loop: the exception goes to the exception handler with asyncio's
 * context keys. Every operation on a closed loop raises "Event loop is closed"; {@code close()} is idempotent.
 *
 * <h2>Fatal errors</h2>
 * asyncio lets {@code BaseException}s that are not {@code Exception}s ({@code KeyboardInterrupt}, {@code SystemExit})
 * out of the loop instead of reporting them. Their counterpart here is {@link java.lang.Error}: an
 * {@code OutOfMemoryError} or another {@code VirtualMachineError}, a {@code LinkageError}, an {@code AssertionError},
 * an application's own {@code Error} subclass. The one exception is {@link java.lang.StackOverflowError}, the failing
 * code's own fault and caught like an exception, as asyncio reports a {@code RecursionError}. The same policy holds
 * wherever the loop calls user code:
 * <ul>
 * <li>A callback ({@code callSoon}, {@code callLater}, {@code callAt}, a future's done callback): the error is not
 *     reported to the exception handler; it propagates out of {@code runForever()} or {@code runUntilComplete()} on
 *     the loop's thread. The callbacks that were ready after it stay queued and run at the next run.</li>
 * <li>A task: the task finishes with the error as its exception (awaiting it rethrows the error), and the error
 *     propagates out of the loop as from a callback. {@code runUntilComplete(coroutine)} marks the exception of its own
 *     task retrieved, so it is not reported again as "Task exception was never retrieved".</li>
 * <li>A {@link io.jasyncio.TaskGroup}: an error raised in the body, or by a child, cancels the other children, and the
 *     group rethrows the error itself once they are done, not wrapped in an {@link io.jasyncio.ExceptionGroup}. (A
 *     child's error has already left the loop once, as any task's; the group rethrows it if the loop runs again.)</li>
 * <li>A protocol callback ({@code connectionMade}, {@code dataReceived}, {@code eofReceived}, {@code getBuffer},
 *     {@code bufferUpdated}, {@code pauseWriting}, {@code resumeWriting}, {@code connectionLost},
 *     {@code datagramReceived}, {@code errorReceived}): the transport is aborted, so that a protocol left in an
 *     unknown state is not called again on the next read (a TCP protocol's {@code connectionLost} then receives the
 *     error); the error is not reported, and it propagates out of {@code runForever()} right after the I/O poll that
 *     called the protocol (or at the end of the iteration, for a protocol called from a callback), since Netty's
 *     pipeline, which calls these callbacks, would log and swallow anything thrown to it.</li>
 * <li>An exception handler that throws an error: the error propagates, unreported.</li>
 * </ul>
 * The loop is stopped, not closed: a program may log, free memory, and run it again, as asyncio's
 * {@code run_until_complete} may be called again after a {@code KeyboardInterrupt}; {@link io.jasyncio.Asyncio#run}
 * cancels the remaining tasks and closes the loop as it does for any exception.
 *
 * <h2>Exceptions nobody saw, tasks nobody finished</h2>
 * As asyncio's {@code __del__} methods, whether debug mode is on or off, the loop reports through its exception handler
 * a future or task collected with an exception nobody retrieved ("Future exception was never retrieved", "Task
 * exception was never retrieved", keys {@code future}, {@code exception}) and a task collected, or left behind by
 * {@code close()}, while pending ("Task was destroyed but it is pending!", key {@code task}). The {@code future} and
 * {@code task} values are the object's repr, since the object is gone. In debug mode a task's report adds where it
 * was created ({@code source_traceback}, frames innermost first). A future that finishes with a result, or whose
 * exception is retrieved, pays nothing for this: the collector follows it only from the moment an exception is set
 * until it is retrieved.
 *
 * <h2>Repeated failures in the log</h2>
 * A failure a client can cause at will (a peer that resets its connection while a stream handler writes, a malformed
 * request) must not let that client fill the disk, so the default exception handler, unlike asyncio's, summarises
 * repeats. Reports of one kind (the same message, the same exception class, the same top frame of the exception's stack
 * and, in debug mode, the same top frame of {@code source_traceback}; the other keys, such as the transport, may
 * differ) are logged thus: the first in full, at ERROR on the {@code asyncio} logger; the others of the next 10 seconds
 * on the loop's ticker only counted; when those 10 seconds end (at a timer of the loop's own, or on the next report of
 * that kind if the loop was not running) one line, "{@code <message> (<exception class>): repeated N more times in the
 * last 10 s}"; after that, the next report of the kind is logged in full again and opens a new window. At most 64 kinds
 * are tracked, the least recently reported forgotten first (its pending count logged then); {@code close()} logs the
 * counts still pending. So each kind costs at most one full entry and one line per 10 seconds. Only the default
 * handler's logging is summarised: a custom handler set with {@code setExceptionHandler} is called for every report,
 * and a custom handler that passes reports on to {@code defaultExceptionHandler} has them summarised in the log.
 *
 * <h2>Behaviour at the time of writing</h2>
 * Java's {@code catch (Exception e)} also catches {@link io.jasyncio.CancelledError}: rethrow it. On the virtual-thread
 * coroutine path, task code runs off the loop's thread, so Netty sees its transport calls as coming from another
 * thread; transports and streams are tested on the continuation path only. Callbacks take no {@code *args}: capture them, or use {@code callSoon(Consumer, arg)}. {@code Future.result()}
 * rethrows a checked exception unwrapped although it declares none, as asyncio re-raises it.
 *
 * <h2>Hot-path rules</h2>
 * {@code callSoon}, the ready queue and {@code runOnce} allocate nothing but the {@link io.jasyncio.Handle}: the ready
 * queue is an array ring, the inbox is linked through the handles themselves, future callbacks are dispatched with the
 * one-argument {@code callSoon} instead of a capturing lambda.
 *
 * <h2>System properties and environment</h2>
 * Every property is named {@code jasyncio.<area>[.<knob>]} and read once
 * ({@code io.jasyncio.internal.SystemProperties}), except {@code jasyncio.debug}, read for each new loop as asyncio
 * reads {@code PYTHONASYNCIODEBUG}. What the library tells users goes to one SLF4J logger, {@code asyncio}.
 * <ul>
 * <li>{@code JASYNCIO_DEBUG=1} or {@code -Djasyncio.debug=true}: debug mode on for new loops. Without
 *     {@code jasyncio-debug} on the class path, the first loop in debug mode warns once: "debug mode is on but no checks
 *     are installed: add jasyncio-debug".</li>
 * <li>{@code -Djasyncio.transport=epoll|io_uring|nio}: the I/O backend of new loops (default: epoll where
 *     available).</li>
 * <li>{@code -Djasyncio.coroutines=vthread}: tasks on virtual threads even where JDK continuations are
 *     accessible.</li>
 * <li>{@code -Djasyncio.coroutines.monitorCheck=debug|always|off}: when an await checks that the task holds no
 *     monitor (default {@code debug}: in debug mode).</li>
 * <li>{@code -Djasyncio.watchdog=100ms} and {@code -Djasyncio.jmx=true}: the debug module's watchdog and JMX beans on
 *     every new loop.</li>
 * </ul>
 */
package io.jasyncio;
