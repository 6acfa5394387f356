/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

import java.util.ArrayDeque;

/**
 * A FIFO queue for tasks: {@link #put} suspends while the queue is full, {@link #get} while it is empty;
 * {@link #taskDone()} and {@link #join()} count finished items; {@link #shutdown(boolean)} ends it. Cancellation-safe:
 * a getter or putter cancelled after being woken passes the wake-up on.
 *
 * @param <T> the item type
 * @asyncio asyncio.Queue
 *     Differences: asyncio's ValueError from task_done() is {@link IllegalStateException}.
 */
public class Queue<T> extends LoopBound {
    private final int maxsize;
    private final ArrayDeque<Future<Object>> getters = new ArrayDeque<>();
    private final ArrayDeque<Future<Object>> putters = new ArrayDeque<>();
    private int unfinishedTasks;
    private final Event finished = new Event();
    private boolean isShutdown;
    private final ArrayDeque<T> items = new ArrayDeque<>();

    /** An unbounded queue. */
    public Queue() {
        this(0);
    }

    /**
     * A queue of at most {@code maxsize} items; 0 or less means unbounded.
     *
     * @param maxsize the bound
     */
    public Queue(int maxsize) {
        this.maxsize = maxsize;
        finished.set();
    }

    // The storage: FIFO here; LifoQueue and PriorityQueue change it.

    /**
     * Adds an item to the storage.
     *
     * @param item the item
     */
    protected void putItem(T item) {
        items.addLast(item);
    }

    /**
     * Removes the next item from the storage.
     *
     * @return the item
     */
    protected T getItem() {
        return items.pollFirst();
    }

    /**
     * The number of items in the storage.
     *
     * @return the size
     * @asyncio Queue.qsize()
     */
    public int qsize() {
        return items.size();
    }

    /**
     * The bound.
     *
     * @return maxsize, 0 or less for none
     * @asyncio Queue.maxsize
     */
    public final int maxsize() {
        return maxsize;
    }

    /**
     * Whether the queue is empty.
     *
     * @return {@code true} if empty
     * @asyncio Queue.empty()
     */
    public final boolean empty() {
        return qsize() == 0;
    }

    /**
     * Whether the queue holds maxsize items.
     *
     * @return {@code true} if full; never for an unbounded queue
     * @asyncio Queue.full()
     */
    public final boolean full() {
        return maxsize > 0 && qsize() >= maxsize;
    }

    private static void wakeupNext(ArrayDeque<Future<Object>> waiters) {
        while (!waiters.isEmpty()) {
            Future<Object> waiter = waiters.pollFirst();
            if (!waiter.done()) {
                waiter.setResult(null);
                break;
            }
        }
    }

    /**
     * Puts an item, suspending the current task while the queue is full.
     *
     * @param item the item
     * @throws QueueShutDown if the queue is shut down
     * @asyncio await Queue.put(item)
     */
    public final void put(T item) {
        while (full()) {
            if (isShutdown) {
                throw new QueueShutDown();
            }
            Future<Object> putter = newWaiter();
            putters.add(putter);
            try {
                Asyncio.await(putter);
            } catch (Throwable t) {
                putter.cancel();
                putters.remove(putter);
                if (!full() && !putter.cancelled()) {
                    wakeupNext(putters);
                }
                throw t;
            }
        }
        putNowait(item);
    }

    /**
     * Puts an item without waiting.
     *
     * @param item the item
     * @throws QueueFull if the queue is full
     * @throws QueueShutDown if the queue is shut down
     * @asyncio Queue.put_nowait(item)
     */
    public final void putNowait(T item) {
        if (isShutdown) {
            throw new QueueShutDown();
        }
        if (full()) {
            throw new QueueFull();
        }
        putItem(item);
        unfinishedTasks++;
        finished.clear();
        wakeupNext(getters);
    }

    /**
     * Removes and returns an item, suspending the current task while the queue is empty.
     *
     * @return the item
     * @throws QueueShutDown if the queue is shut down and empty
     * @asyncio await Queue.get()
     */
    public final T get() {
        while (empty()) {
            if (isShutdown) {
                throw new QueueShutDown();
            }
            Future<Object> getter = newWaiter();
            getters.add(getter);
            try {
                Asyncio.await(getter);
            } catch (Throwable t) {
                getter.cancel();
                getters.remove(getter);
                if (!empty() && !getter.cancelled()) {
                    wakeupNext(getters);
                }
                throw t;
            }
        }
        return getNowait();
    }

    /**
     * Removes and returns an item without waiting.
     *
     * @return the item
     * @throws QueueEmpty if the queue is empty
     * @throws QueueShutDown if the queue is shut down and empty
     * @asyncio Queue.get_nowait()
     */
    public final T getNowait() {
        if (empty()) {
            if (isShutdown) {
                throw new QueueShutDown();
            }
            throw new QueueEmpty();
        }
        T item = getItem();
        wakeupNext(putters);
        return item;
    }

    /**
     * Marks an item taken with get() as processed.
     *
     * @throws IllegalStateException "task_done() called too many times"
     * @asyncio Queue.task_done()
     */
    public final void taskDone() {
        if (unfinishedTasks <= 0) {
            throw new IllegalStateException("task_done() called too many times");
        }
        unfinishedTasks--;
        if (unfinishedTasks == 0) {
            finished.set();
        }
    }

    /**
     * Suspends the current task until every item put has been marked done.
     *
     * @asyncio await Queue.join()
     */
    public final void join() {
        if (unfinishedTasks > 0) {
            finished.wait_();
        }
    }

    /**
     * Shuts the queue down: put() raises {@link QueueShutDown}, get() too once the queue is empty; with
     * {@code immediate} the items are dropped and get() raises at once. Waiting getters and putters wake.
     *
     * @param immediate whether to drop the items
     * @asyncio Queue.shutdown(immediate=False)
     */
    public final void shutdown(boolean immediate) {
        isShutdown = true;
        if (immediate) {
            while (!empty()) {
                getItem();
                if (unfinishedTasks > 0) {
                    unfinishedTasks--;
                }
            }
            if (unfinishedTasks == 0) {
                finished.set();
            }
        }
        while (!getters.isEmpty()) {
            Future<Object> g = getters.pollFirst();
            if (!g.done()) {
                g.setResult(null);
            }
        }
        while (!putters.isEmpty()) {
            Future<Object> p = putters.pollFirst();
            if (!p.done()) {
                p.setResult(null);
            }
        }
    }

    @Override
    public String toString() {
        return "<" + getClass().getSimpleName() + " maxsize=" + maxsize + " qsize=" + qsize()
                + (getters.isEmpty() ? "" : " _getters[" + getters.size() + "]")
                + (putters.isEmpty() ? "" : " _putters[" + putters.size() + "]")
                + (unfinishedTasks == 0 ? "" : " tasks=" + unfinishedTasks) + (isShutdown ? " shutdown" : "") + ">";
    }
}
