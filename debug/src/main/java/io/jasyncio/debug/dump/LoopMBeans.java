/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.debug.dump;

import io.jasyncio.EventLoop;
import io.jasyncio.spi.LoopProbe;
import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Registers loops in the platform MBean server as {@code io.jasyncio:type=EventLoop,name=loop-N} (or a name of the
 * caller's choice). The bean holds its loop weakly and adds no interceptor; beans of closed or collected loops are
 * unregistered at the next registration or call of {@link #unregisterClosed()}, and answer "closed" meanwhile.
 */
public final class LoopMBeans {
    /** The system property that registers every new loop: {@code -Djasyncio.jmx=true}. */
    public static final String PROPERTY = "jasyncio.jmx";

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Map<ObjectName, Bean> BEANS = new ConcurrentHashMap<>();

    private LoopMBeans() {
    }

    /**
     * Registers a loop under {@code loop-N}.
     *
     * @param loop the loop
     * @return the bean's name
     */
    public static ObjectName register(EventLoop loop) {
        return register(loop, "loop-" + COUNTER.incrementAndGet());
    }

    /**
     * Registers a loop under a name.
     *
     * @param loop the loop
     * @param name the {@code name} key of the object name (quoted when it needs to be)
     * @return the bean's name
     * @throws IllegalArgumentException if the name is taken or invalid
     */
    public static ObjectName register(EventLoop loop, String name) {
        unregisterClosed();
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            ObjectName on = new ObjectName("io.jasyncio:type=EventLoop,name=" + ObjectName.quote(name));
            if (name.matches("[A-Za-z0-9_.-]+")) {
                on = new ObjectName("io.jasyncio:type=EventLoop,name=" + name);
            }
            Bean bean = new Bean(loop);
            server.registerMBean(bean, on);
            BEANS.put(on, bean);
            return on;
        } catch (JMException e) {
            throw new IllegalArgumentException("cannot register loop " + loop + " as '" + name + "': " + e, e);
        }
    }

    /**
     * Unregisters the beans of a loop.
     *
     * @param loop the loop
     */
    public static void unregister(EventLoop loop) {
        BEANS.forEach((on, bean) -> {
            if (bean.loop.get() == loop) {
                drop(on);
            }
        });
    }

    /** Unregisters the beans of closed or collected loops. */
    public static void unregisterClosed() {
        BEANS.forEach((on, bean) -> {
            EventLoop l = bean.loop.get();
            if (l == null || l.isClosed()) {
                drop(on);
            }
        });
    }

    private static void drop(ObjectName on) {
        BEANS.remove(on);
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(on);
        } catch (JMException e) {
            // already gone
        }
    }

    /** The bean of one loop. */
    static final class Bean implements EventLoopMXBean {
        final WeakReference<EventLoop> loop;

        Bean(EventLoop loop) {
            this.loop = new WeakReference<>(loop);
        }

        private EventLoop live() {
            EventLoop l = loop.get();
            if (l == null || l.isClosed()) {
                throw new IllegalStateException("Event loop is closed");
            }
            return l;
        }

        @Override
        public String getLoop() {
            EventLoop l = loop.get();
            return l == null ? "<collected>" : l.toString();
        }

        @Override
        public boolean isRunning() {
            EventLoop l = loop.get();
            return l != null && l.isRunning();
        }

        @Override
        public boolean isDebug() {
            EventLoop l = loop.get();
            return l != null && l.getDebug();
        }

        @Override
        public int getTaskCount() {
            EventLoop l = loop.get();
            return l == null ? 0 : LoopProbe.of(l).allTasks().size();
        }

        private io.jasyncio.spi.LoopStats stats() {
            EventLoop l = loop.get();
            return l == null ? new io.jasyncio.spi.LoopStats(0, 0, 0, 0, 0, 0, 0, 0) : LoopProbe.of(l).stats();
        }

        @Override
        public long getIterations() {
            return stats().iterations();
        }

        @Override
        public long getCallbacksRun() {
            return stats().callbacksRun();
        }

        @Override
        public long getTasksCreated() {
            return stats().tasksCreated();
        }

        @Override
        public int getTransportsOpen() {
            return stats().transportsOpen();
        }

        @Override
        public int getServersOpen() {
            return stats().serversOpen();
        }

        @Override
        public long getBytesRead() {
            return stats().bytesRead();
        }

        @Override
        public long getBytesWritten() {
            return stats().bytesWritten();
        }

        @Override
        public long getSlowCallbacks() {
            EventLoop l = loop.get();
            return l == null ? 0 : DebugCounts.slowCallbacks(l);
        }

        @Override
        public long getStalls() {
            EventLoop l = loop.get();
            return l == null ? 0 : DebugCounts.stalls(l);
        }

        @Override
        public String dumpTasks() {
            return TaskDump.of(live()).text();
        }

        @Override
        public String dumpTasksJson() {
            return TaskDump.of(live()).json();
        }
    }
}
