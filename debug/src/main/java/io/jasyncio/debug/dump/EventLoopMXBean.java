/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.debug.dump;

/**
 * A loop seen from JMX ({@code jconsole}, {@code jcmd}, any JMX client), registered by {@link LoopMBeans} as
 * {@code io.jasyncio:type=EventLoop,name=...}. Every operation works while the loop thread is stuck.
 */
public interface EventLoopMXBean {

    /**
     * The loop's description.
     *
     * @return the loop's {@code toString()}
     */
    String getLoop();

    /**
     * Whether the loop runs.
     *
     * @return {@code true} inside {@code runForever}
     */
    boolean isRunning();

    /**
     * Whether debug mode is on.
     *
     * @return the debug flag
     */
    boolean isDebug();

    /**
     * How many tasks are pending.
     *
     * @return the count
     */
    int getTaskCount();

    /**
     * The task dump as text.
     *
     * @return {@link TaskDump#text()}
     */
    String dumpTasks();

    /**
     * The task dump as JSON.
     *
     * @return {@link TaskDump#json()}
     */
    String dumpTasksJson();

    /**
     * Iterations of the loop since it was made.
     *
     * @return the count
     */
    long getIterations();

    /**
     * Callbacks run (task steps included).
     *
     * @return the count
     */
    long getCallbacksRun();

    /**
     * Tasks created.
     *
     * @return the count
     */
    long getTasksCreated();

    /**
     * Stream transports open now.
     *
     * @return the count
     */
    int getTransportsOpen();

    /**
     * Servers open now.
     *
     * @return the count
     */
    int getServersOpen();

    /**
     * Bytes the loop's stream transports read.
     *
     * @return the count
     */
    long getBytesRead();

    /**
     * Bytes the loop's stream transports were given to write.
     *
     * @return the count
     */
    long getBytesWritten();

    /**
     * Slow callbacks that debug mode logged ("Executing ... took ... seconds").
     *
     * @return the count, 0 when debug mode was never on
     */
    long getSlowCallbacks();

    /**
     * Stalls that a watchdog reported.
     *
     * @return the count, 0 without a watchdog
     */
    long getStalls();
}
