/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */

/**
 * The event loop's dispatch costs against raw Netty: {@code callSoon} against {@code EventLoop.execute} on the loop
 * thread, {@code callLater} + cancel against {@code schedule} + cancel, a future's done callback against a
 * {@code DefaultPromise} listener, and {@code callSoonThreadsafe} against {@code execute} from another thread.
 *
 * <p>How: operations run in batches of 10,000 on the loop thread, handed over with one cross-thread call per batch (the
 * same for both sides), so the score is the per-operation cost of scheduling and running. {@code -prof gc}'s
 * {@code gc.alloc.rate.norm} is the allocation per operation.
 */
package io.jasyncio.bench.loop;
