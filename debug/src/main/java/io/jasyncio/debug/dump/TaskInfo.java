/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.debug.dump;

import java.util.List;

/**
 * One task in a {@link TaskDump}.
 *
 * @param name the task's name
 * @param state {@code running} (its step runs now), {@code waiting} (suspended on a future) or {@code scheduled}
 *     (its next step is in the ready queue, or it has not started)
 * @param cancelling pending cancellation requests
 * @param repr the task's asyncio repr
 * @param awaits what it waits on (a future's repr), or {@code null}
 * @param waitingNanos how long it has waited, or -1 when unknown (the loop was not watched when it suspended)
 * @param awaitChain who awaits whom from this task down: task names, ending with the innermost awaited future
 * @param awaitedBy the names of the tasks that wait on this one
 * @param createdAt where it was created (recorded in debug mode), innermost first
 * @param stack where its body is suspended, innermost first; empty when the dump was not taken on the loop thread
 */
public record TaskInfo(String name, String state, int cancelling, String repr, String awaits, long waitingNanos,
        List<String> awaitChain, List<String> awaitedBy, List<StackTraceElement> createdAt,
        List<StackTraceElement> stack) {
}
