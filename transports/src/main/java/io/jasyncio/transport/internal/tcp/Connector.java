/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.transport.internal.tcp;

import io.jasyncio.BaseProtocol;
import io.jasyncio.Connection;
import io.jasyncio.ConnectionOptions;
import io.jasyncio.Future;
import io.jasyncio.TimerHandle;
import io.jasyncio.OSError;
import io.jasyncio.internal.BaseEventLoop;
import io.jasyncio.transport.internal.OsErrors;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * What asyncio's {@code create_connection} does before it has a socket: resolve the host in the default executor (a
 * literal address is used as it is), order the addresses ({@code interleave}), then try them one after the other,
 * or race them with happy eyeballs (RFC 8305, asyncio's {@code staggered_race}): the next attempt starts when the
 * running one fails or the delay passes, the first to connect wins and the others are cancelled. The protocol
 * factory is called once, for the winner; when every address fails, the error is asyncio's (the one error, or an
 * {@link OSError} "Multiple exceptions: ..."). A name that does not resolve fails with a {@link io.jasyncio.GaiError}.
 * Loop thread only.
 *
 * @param <P> the protocol type
 */
public final class Connector<P extends BaseProtocol> {
    private final BaseEventLoop loop;
    private final BiFunction<InetSocketAddress, Supplier<P>, Future<Connection<P>>> attempt;
    private final Supplier<P> factory;
    private final Double delay;
    private final Future<Connection<P>> result;
    private final List<Future<Connection<P>>> attempts = new ArrayList<>();
    private final List<Throwable> errors = new ArrayList<>();
    private List<InetSocketAddress> addresses;
    private int next;
    private int running;
    private TimerHandle timer;
    /** A protocol was made: later attempts that connect are closed. */
    private boolean claimed;
    /** What the protocol factory threw: the connection fails with it, as asyncio's, without trying other addresses. */
    private Throwable factoryFailure;

    private Connector(BaseEventLoop loop, Supplier<P> factory, Double delay,
            BiFunction<InetSocketAddress, Supplier<P>, Future<Connection<P>>> attempt) {
        this.loop = loop;
        this.factory = factory;
        this.delay = delay;
        this.attempt = attempt;
        this.result = loop.createFuture();
    }

    /** Resolves a host name to its addresses, in the resolver's order: {@code getaddrinfo}. */
    @FunctionalInterface
    public interface Resolver {
        /**
         * The addresses of {@code host}.
         *
         * @param host a host name
         * @return at least one address
         * @throws java.io.IOException if the name does not resolve ({@link java.net.UnknownHostException})
         */
        InetAddress[] resolve(String host) throws java.io.IOException;
    }

    /**
     * Connects to {@code host}, resolved by the system ({@link InetAddress#getAllByName}).
     *
     * @param loop the loop
     * @param host a host name or a literal address
     * @param port the port
     * @param options the options ({@code happyEyeballsDelay}, {@code interleave})
     * @param factory the protocol factory
     * @param attempt connects to one address with the factory it is given
     * @param <P> the protocol type
     * @return the future of the connection
     */
    public static <P extends BaseProtocol> Future<Connection<P>> connect(BaseEventLoop loop, String host, int port,
            ConnectionOptions options, Supplier<P> factory,
            BiFunction<InetSocketAddress, Supplier<P>, Future<Connection<P>>> attempt) {
        return connect(loop, host, port, options, factory, attempt, InetAddress::getAllByName);
    }

    /**
     * Connects to {@code host}.
     *
     * @param loop the loop
     * @param host a host name or a literal address
     * @param port the port
     * @param options the options ({@code happyEyeballsDelay}, {@code interleave})
     * @param factory the protocol factory
     * @param attempt connects to one address with the factory it is given
     * @param resolver resolves a host name, in the default executor
     * @param <P> the protocol type
     * @return the future of the connection
     */
    public static <P extends BaseProtocol> Future<Connection<P>> connect(BaseEventLoop loop, String host, int port,
            ConnectionOptions options, Supplier<P> factory,
            BiFunction<InetSocketAddress, Supplier<P>, Future<Connection<P>>> attempt, Resolver resolver) {
        Connector<P> c = new Connector<>(loop, factory, options.happyEyeballsDelay(), attempt);
        int interleave = options.interleave() != null ? options.interleave()
                : options.happyEyeballsDelay() != null ? 1 : 0;
        InetAddress literal = io.netty.util.NetUtil.createInetAddressFromIpAddressString(host);
        if (literal != null) {
            c.start(List.of(literal), port, interleave);
            return c.result;
        }
        Future<InetAddress[]> resolving = loop.runInExecutor(null, () -> resolver.resolve(host));
        resolving.addDoneCallback(f -> {
            if (c.result.done()) {
                return;
            }
            if (f.cancelled() || f.exception() != null) {
                c.result.setException(f.cancelled() ? new io.jasyncio.CancelledError() : OsErrors.of(f.exception()));
            } else {
                c.start(List.of(f.result()), port, interleave);
            }
        });
        c.result.addDoneCallback(r -> {
            if (r.cancelled()) {
                resolving.cancel();
            }
        });
        return c.result;
    }

    /**
     * asyncio's {@code _interleave_addrinfos}: the addresses grouped by family in the order the families first
     * appear; {@code firstFamilyCount - 1} of the first family lead, then one of each family in turn.
     *
     * @param addresses the resolver's order
     * @param firstFamilyCount how many of the first family lead (0 or 1: strictly alternating)
     * @return the new order
     */
    public static List<InetAddress> interleave(List<InetAddress> addresses, int firstFamilyCount) {
        Map<Class<?>, List<InetAddress>> byFamily = new LinkedHashMap<>();
        for (InetAddress a : addresses) {
            byFamily.computeIfAbsent(a.getClass(), k -> new ArrayList<>()).add(a);
        }
        List<List<InetAddress>> families = new ArrayList<>(byFamily.values());
        List<InetAddress> reordered = new ArrayList<>();
        int[] taken = new int[families.size()];
        if (firstFamilyCount > 1) {
            taken[0] = Math.min(firstFamilyCount - 1, families.get(0).size());
            reordered.addAll(families.get(0).subList(0, taken[0]));
        }
        while (reordered.size() < addresses.size()) {
            for (int i = 0; i < families.size(); i++) {
                if (taken[i] < families.get(i).size()) {
                    reordered.add(families.get(i).get(taken[i]++));
                }
            }
        }
        return reordered;
    }

    private void start(List<InetAddress> resolved, int port, int interleave) {
        List<InetAddress> ordered = interleave > 0 ? interleave(resolved, interleave) : resolved;
        addresses = new ArrayList<>(ordered.size());
        for (InetAddress a : ordered) {
            addresses.add(new InetSocketAddress(a, port));
        }
        result.addDoneCallback(r -> {
            cancelTimer();
            for (Future<Connection<P>> f : attempts) {
                if (!f.done()) {
                    f.cancel(); // closes its channel
                }
            }
        });
        startNext();
    }

    private void startNext() {
        cancelTimer();
        if (result.done() || next >= addresses.size()) {
            return;
        }
        InetSocketAddress address = addresses.get(next++);
        Future<Connection<P>> f;
        try {
            f = attempt.apply(address, this::makeProtocol);
        } catch (RuntimeException e) {
            errors.add(e);
            afterFailure();
            return;
        }
        running++;
        attempts.add(f);
        f.addDoneCallback(this::attemptDone);
        if (delay != null && next < addresses.size()) {
            timer = loop.callLater(delay, this::startNext);
        }
    }

    private P makeProtocol() {
        if (claimed) {
            throw new IllegalStateException("another address connected first");
        }
        try {
            P made = factory.get();
            claimed = true;
            return made;
        } catch (RuntimeException | Error e) {
            factoryFailure = e;
            throw e;
        }
    }

    private void attemptDone(Future<Connection<P>> f) {
        running--;
        if (result.done() || f.cancelled()) {
            return;
        }
        if (f.exception() == null) {
            result.setResult(f.result()); // the others are cancelled by the result's callback
        } else if (factoryFailure != null) {
            result.setException(factoryFailure);
        } else {
            errors.add(f.exception());
            afterFailure();
        }
    }

    /** A failed attempt starts the next at once; when none is left and none runs, the connection fails. */
    private void afterFailure() {
        if (next < addresses.size()) {
            startNext();
        } else if (running == 0) {
            result.setException(combined(errors));
        }
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    /** asyncio's: the one error; the first, if all say the same; else an {@link OSError} listing them all. */
    private static Throwable combined(List<Throwable> errors) {
        if (errors.size() == 1) {
            return errors.get(0);
        }
        String model = String.valueOf(errors.get(0).getMessage());
        if (errors.stream().allMatch(e -> model.equals(String.valueOf(e.getMessage())))) {
            return errors.get(0);
        }
        StringBuilder message = new StringBuilder("Multiple exceptions: ");
        for (int i = 0; i < errors.size(); i++) {
            message.append(i == 0 ? "" : ", ").append(errors.get(i).getMessage());
        }
        OSError e = new OSError(message.toString(), null);
        errors.forEach(e::addSuppressed);
        return e;
    }
}
