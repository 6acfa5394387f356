/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */

/**
 * The live task dump: every pending task of a loop with its state, what it awaits and for how long, the await chain,
 * who awaits it, where it was created and where it is suspended. Suspended tasks appear in no JVM thread dump (they
 * are continuations, not threads): this is how users see them.
 *
 * <p>Design. {@link io.jasyncio.debug.dump.TaskDump#of} reads the loop's task set ({@code allTasks()}, guarded so that
 * any thread may read it) and each task's awaited future ({@code getFutWaiter()}), creation site
 * ({@code getSourceTraceback()}, recorded in debug mode) and suspension time ({@code getSuspendedAtNanos()}, recorded
 * while an interceptor watches the loop, for example the watchdog). From another thread it first asks the loop
 * thread to take the dump ({@code callSoonThreadsafe}, 200 ms); a loop that does not answer is stuck, and the dump is
 * then read from the calling thread: without the suspended stacks (walking a continuation that the loop may resume
 * at any moment is not safe) but with the loop thread's own stack, which shows where it is stuck.
 *
 * <p>The await chain follows {@code getFutWaiter()} from task to task and ends at the first future that is not a
 * task. Text is for people, JSON (written by hand, no dependency) for tools.
 *
 * <p>JMX: {@link io.jasyncio.debug.dump.LoopMBeans#register} (or {@code -Djasyncio.jmx=true} for every loop) registers
 * {@code io.jasyncio:type=EventLoop,name=loop-N} with the operations {@code dumpTasks} and {@code dumpTasksJson}; the
 * bean holds its loop weakly and adds no interceptor.
 */
package io.jasyncio.debug.dump;
