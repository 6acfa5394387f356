/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

/**
 * The error numbers an {@link OSError} carries: Linux's, whatever the platform, as Python's {@code errno} module names
 * them, with {@code getaddrinfo}'s negative ones for a {@link GaiError}.
 *
 * @asyncio errno, socket.EAI_*
 */
public final class Errno {
    /** No such file or directory. */
    public static final int ENOENT = 2;
    /** Bad file descriptor. */
    public static final int EBADF = 9;
    /** Resource temporarily unavailable. */
    public static final int EAGAIN = 11;
    /** Permission denied. */
    public static final int EACCES = 13;
    /** Invalid argument. */
    public static final int EINVAL = 22;
    /** Broken pipe: the peer has gone. */
    public static final int EPIPE = 32;
    /** Address already in use. */
    public static final int EADDRINUSE = 98;
    /** Cannot assign requested address. */
    public static final int EADDRNOTAVAIL = 99;
    /** Network is down. */
    public static final int ENETDOWN = 100;
    /** Network is unreachable. */
    public static final int ENETUNREACH = 101;
    /** Software caused connection abort. */
    public static final int ECONNABORTED = 103;
    /** Connection reset by peer. */
    public static final int ECONNRESET = 104;
    /** Transport endpoint is not connected. */
    public static final int ENOTCONN = 107;
    /** Cannot send after transport endpoint shutdown. */
    public static final int ESHUTDOWN = 108;
    /** Connection timed out. */
    public static final int ETIMEDOUT = 110;
    /** Connection refused. */
    public static final int ECONNREFUSED = 111;
    /** Host is down. */
    public static final int EHOSTDOWN = 112;
    /** No route to host. */
    public static final int EHOSTUNREACH = 113;
    /** {@code getaddrinfo}: name or service not known. */
    public static final int EAI_NONAME = -2;
    /** {@code getaddrinfo}: temporary failure in name resolution. */
    public static final int EAI_AGAIN = -3;
    /** {@code getaddrinfo}: non-recoverable failure in name resolution. */
    public static final int EAI_FAIL = -4;

    private Errno() {
    }

    /**
     * The text of an error number, as Linux's {@code strerror} (or {@code gai_strerror}) gives it.
     *
     * @param errno the error number
     * @return the text, or {@code "Unknown error N"}
     * @asyncio os.strerror(code)
     */
    public static String strerror(int errno) {
        return switch (errno) {
            case ECONNRESET -> "Connection reset by peer";
            case ECONNREFUSED -> "Connection refused";
            case EPIPE -> "Broken pipe";
            case EADDRINUSE -> "Address already in use";
            case EADDRNOTAVAIL -> "Cannot assign requested address";
            case ENETDOWN -> "Network is down";
            case ENETUNREACH -> "Network is unreachable";
            case ECONNABORTED -> "Software caused connection abort";
            case ENOTCONN -> "Transport endpoint is not connected";
            case ESHUTDOWN -> "Cannot send after transport endpoint shutdown";
            case ETIMEDOUT -> "Connection timed out";
            case EHOSTDOWN -> "Host is down";
            case EHOSTUNREACH -> "No route to host";
            case ENOENT -> "No such file or directory";
            case EBADF -> "Bad file descriptor";
            case EAGAIN -> "Resource temporarily unavailable";
            case EACCES -> "Permission denied";
            case EINVAL -> "Invalid argument";
            case EAI_NONAME -> "Name or service not known";
            case EAI_AGAIN -> "Temporary failure in name resolution";
            case EAI_FAIL -> "Non-recoverable failure in name resolution";
            default -> "Unknown error " + errno;
        };
    }
}
