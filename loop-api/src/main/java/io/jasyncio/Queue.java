/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

import java.util.ArrayDeque;
import java.util.Objects;

/**
 * A queue, useful for coordinating producer and consumer tasks: {@link #put} suspends while the queue is full,
 * {@link #get} while it is empty; {@link #taskDone()} and {@link #join()} count the items that are processed;
 * {@link #shutdown(boolean)} ends it. This class serves items first in, first out; {@link LifoQueue} and
 * {@link PriorityQueue} change the order. Cancellation-safe: a getter or putter that is cancelled after being woken
 * passes the wake-up to the next one, so no item and no free slot is lost.
 *
 * <p>Threading: loop thread only, for the tasks of one loop (the first one that waits on it binds it). The
 * {@code *Nowait} methods never suspend, so plain callbacks of that loop may call them.
 *
 * @param <T> the item type
 * @asyncio asyncio.Queue
 *     Differences: {@code maxsize} is an {@code int}; asyncio's ValueError from {@code task_done()} is
 *     {@link IllegalStateException} (a ValueError about the object's state); subclasses choose the order with a
 *     {@link java.util.Queue} given to the protected constructor rather than overriding {@code _init}, {@code _put}
 *     and {@code _get}; {@code toString()} is asyncio's {@code str()}, without an object address.
 */
public class Queue<T> extends LoopBound {
    private final int maxsize;
    // Threading: loop thread only (all fields below).
    private final java.util.Queue<T> queue;
    private final ArrayDeque<Future<Object>> getters = new ArrayDeque<>();
    private final ArrayDeque<Future<Object>> putters = new ArrayDeque<>();
    // Invariant: finished is set exactly when unfinishedTasks == 0.
    private int unfinishedTasks;
    private final Event finished = new Event();
    private boolean isShutdown;

    /** An unbounded queue. */
    public Queue() {
        this(0);
    }

    /**
     * A queue of at most {@code maxsize} items; 0 or less means unbounded.
     *
     * @param maxsize the bound
     * @asyncio asyncio.Queue(maxsize=0)
     */
    public Queue(int maxsize) {
        this(maxsize, new ArrayDeque<>());
    }

    /**
     * A queue over the given storage, which decides the order: {@link java.util.Queue#offer} adds an item,
     * {@link java.util.Queue#poll} takes the next one. The storage belongs to this queue from now on.
     *
     * @param maxsize the bound, 0 or less for none
     * @param storage the empty storage
     * @throws IllegalArgumentException if the storage is not empty
     * @asyncio Queue._init(maxsize), _put(item), _get()
     */
    protected Queue(int maxsize, java.util.Queue<T> storage) {
        if (!Objects.requireNonNull(storage, "storage").isEmpty()) {
            throw new IllegalArgumentException("the storage of a new queue must be empty");
        }
        this.maxsize = maxsize;
        this.queue = storage;
        finished.set();
    }

    /**
     * Number of items in the queue.
     *
     * @return the size
     * @asyncio Queue.qsize()
     */
    public final int qsize() {
        return queue.size();
    }

    /**
     * Number of items allowed in the queue.
     *
     * @return maxsize, 0 or less for none
     * @asyncio Queue.maxsize
     */
    public final int maxsize() {
        return maxsize;
    }

    /**
     * Return true if the queue is empty, false otherwise.
     *
     * @return {@code true} if empty
     * @asyncio Queue.empty()
     */
    public final boolean empty() {
        return queue.isEmpty();
    }

    /**
     * Return true if there are maxsize items in the queue; never for an unbounded queue.
     *
     * @return {@code true} if full
     * @asyncio Queue.full()
     */
    public final boolean full() {
        return maxsize > 0 && qsize() >= maxsize;
    }

    /** Wakes the next waiter that is not done (cancelled), dropping the done ones: asyncio's _wakeup_next. */
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
     * Put an item into the queue: if the queue is full, suspends the current task until a free slot is available.
     *
     * @param item the item
     * @throws QueueShutDown if the queue is shut down (or is while this task waits)
     * @throws CancelledError if the task is cancelled while waiting; the item is not put
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
     * Put an item into the queue without blocking.
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
        queue.offer(item);
        unfinishedTasks++;
        finished.clear();
        wakeupNext(getters);
    }

    /**
     * Remove and return an item from the queue: if the queue is empty, suspends the current task until an item is
     * available.
     *
     * @return the item
     * @throws QueueShutDown if the queue is shut down and empty (or becomes so while this task waits)
     * @throws CancelledError if the task is cancelled while waiting; no item is taken
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
     * Remove and return an item from the queue without blocking.
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
        T item = queue.poll();
        wakeupNext(putters);
        return item;
    }

    /**
     * Indicate that a formerly enqueued item is processed: for each {@link #get()} used to fetch an item, a later call
     * tells the queue that its processing is complete. When the count of unfinished items drops to zero,
     * {@link #join()} returns.
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
     * Block until all items in the queue have been received and processed: the count of unfinished items goes up with
     * each put and down with each {@link #taskDone()}; at zero, this returns.
     *
     * @asyncio await Queue.join()
     */
    public final void join() {
        if (unfinishedTasks > 0) {
            finished.wait_();
        }
    }

    /**
     * Shut-down the queue, making queue gets and puts raise {@link QueueShutDown}: puts at once, gets once the queue
     * is empty. With {@code immediate}, the queue is drained first (each dropped item counts as done for
     * {@link #join()}), so gets raise at once too. All suspended getters and putters wake and re-check.
     *
     * @param immediate whether to drop the items
     * @asyncio Queue.shutdown(immediate=False)
     */
    public final void shutdown(boolean immediate) {
        isShutdown = true;
        if (immediate) {
            while (!empty()) {
                queue.poll();
                if (unfinishedTasks > 0) {
                    unfinishedTasks--;
                }
            }
            if (unfinishedTasks == 0) {
                finished.set();
            }
        }
        // Every suspended getter and putter re-checks, and raises QueueShutDown where it must.
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

    /**
     * Shut-down the queue without dropping its items: {@code shutdown(false)}.
     *
     * @asyncio Queue.shutdown()
     */
    public final void shutdown() {
        shutdown(false);
    }

    /**
     * The queue as asyncio's {@code str()} shows it: {@code <Queue maxsize=0 _queue=[1, 2] _getters[1] tasks=2>}.
     *
     * @return the description
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("<").append(getClass().getSimpleName()).append(" maxsize=").append(maxsize);
        if (!queue.isEmpty()) {
            sb.append(" _queue=").append(queue);
        }
        if (!getters.isEmpty()) {
            sb.append(" _getters[").append(getters.size()).append(']');
        }
        if (!putters.isEmpty()) {
            sb.append(" _putters[").append(putters.size()).append(']');
        }
        if (unfinishedTasks != 0) {
            sb.append(" tasks=").append(unfinishedTasks);
        }
        if (isShutdown) {
            sb.append(" shutdown");
        }
        return sb.append('>').toString();
    }
}
