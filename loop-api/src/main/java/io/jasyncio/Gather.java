/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** {@link Asyncio#gather} and {@link Asyncio#shield}, after CPython's {@code tasks.py}. */
final class Gather {

    private Gather() {
    }

    /** The future that gather returns: cancelling it cancels the children. */
    static final class GatheringFuture extends Future<List<Object>> {
        private final List<Future<Object>> children;
        boolean cancelRequested;

        GatheringFuture(List<Future<Object>> children, EventLoop loop) {
            super(loop);
            this.children = children;
        }

        @Override
        public boolean cancel(String msg) {
            if (done()) {
                return false;
            }
            boolean ret = false;
            for (Future<Object> child : children) {
                if (child.cancel(msg)) {
                    ret = true;
                }
            }
            if (ret) {
                cancelRequested = true;
            }
            return ret;
        }
    }

    static Future<List<Object>> gather(boolean returnExceptions, Object... coroutinesOrFutures) {
        if (coroutinesOrFutures.length == 0) {
            Future<List<Object>> outer = Asyncio.getRunningLoop().createFuture();
            outer.setResult(new ArrayList<>());
            return outer;
        }
        Map<Object, Future<Object>> argToFut = new IdentityHashMap<>();
        List<Future<Object>> children = new ArrayList<>();
        List<Future<Object>> doneFuts = new ArrayList<>();
        EventLoop loop = null;
        int nfuts = 0;
        for (Object arg : coroutinesOrFutures) {
            Future<Object> fut = argToFut.get(arg);
            if (fut == null) {
                fut = Asyncio.ensureFuture(arg);
                if (loop == null) {
                    loop = fut.getLoop();
                }
                nfuts++;
                argToFut.put(arg, fut);
                if (fut.done()) {
                    doneFuts.add(fut);
                }
            }
            children.add(fut);
        }
        GatheringFuture outer = new GatheringFuture(children, loop);
        int total = nfuts;
        int[] nfinished = {0};
        Consumer<Future<Object>> doneCallback = fut -> {
            nfinished[0]++;
            if (outer.done()) {
                if (!fut.cancelled()) {
                    fut.exception(); // mark as retrieved
                }
                return;
            }
            if (!returnExceptions) {
                if (fut.cancelled()) {
                    outer.setException(fut.makeCancelledError());
                    return;
                }
                Throwable exc = fut.exception();
                if (exc != null) {
                    outer.setException(exc);
                    return;
                }
            }
            if (nfinished[0] == total) {
                List<Object> results = new ArrayList<>(children.size());
                for (Future<Object> child : children) {
                    if (child.cancelled()) {
                        results.add(new CancelledError(child.cancelMessage() == null ? "" : child.cancelMessage()));
                    } else {
                        Throwable e = child.exception();
                        results.add(e != null ? e : child.result());
                    }
                }
                if (outer.cancelRequested) {
                    outer.setException(fut.makeCancelledError());
                } else {
                    outer.setResult(results);
                }
            }
        };
        for (Future<Object> fut : argToFut.values()) {
            if (!fut.done()) {
                fut.addDoneCallback(doneCallback);
            }
        }
        for (Future<Object> fut : doneFuts) {
            doneCallback.accept(fut);
        }
        return outer;
    }

    static Future<Object> shield(Future<Object> inner) {
        if (inner.done()) {
            return inner;
        }
        Future<Object> outer = inner.getLoop().createFuture();
        Consumer<Future<Object>> innerDone = f -> {
            if (outer.cancelled()) {
                if (!f.cancelled()) {
                    f.exception(); // mark as retrieved
                }
                return;
            }
            if (f.cancelled()) {
                outer.cancel();
            } else if (f.exception() != null) {
                outer.setException(f.exception());
            } else {
                outer.setResult(f.result());
            }
        };
        inner.addDoneCallback(innerDone);
        outer.addDoneCallback(o -> {
            if (!inner.done()) {
                inner.removeDoneCallback(innerDone);
            }
        });
        return outer;
    }
}
