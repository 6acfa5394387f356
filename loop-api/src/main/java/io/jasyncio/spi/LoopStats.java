/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.spi;

/**
 * A loop's running totals, for operators to graph (the JMX bean shows them): counted always, at the cost of one add
 * where the loop does the work anyway. Read from another thread, each is a recent value.
 *
 * @param iterations iterations of the loop ({@code _run_once}) since it was made
 * @param callbacksRun callbacks run (ready handles, task steps included)
 * @param tasksCreated tasks created
 * @param tasksPending tasks not done now
 * @param transportsOpen stream transports open now (TCP, Unix, TLS)
 * @param serversOpen servers open now
 * @param bytesRead bytes the loop's stream transports read from their peers
 * @param bytesWritten bytes the loop's stream transports were given to write
 */
public record LoopStats(long iterations, long callbacksRun, long tasksCreated, int tasksPending, int transportsOpen,
        int serversOpen, long bytesRead, long bytesWritten) {
}
