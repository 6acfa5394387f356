/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The public API names only public types: every public or protected member of every public type in a package that a
 * library module exports to everyone names, in its signature (parameters, results, exceptions, fields, superclass,
 * interfaces, type arguments and bounds), only types of packages exported to everyone. jasyncio's internal packages
 * are exported only to jasyncio's own modules, so a signature naming one of their types is a type users cannot use.
 * Nor does a signature name one of Netty's types: Netty is how jasyncio does its I/O, not part of its contract.
 */
class PublicApiTest {
    /** One class of each library module, to find where the module was built (a jar or a classes directory). */
    private static final List<String> ANCHORS = List.of(
            "io.jasyncio.Asyncio",
            "io.jasyncio.transport.Transports",
            "io.jasyncio.netty.NettyEventLoopProvider",
            "io.jasyncio.debug.DebugLog",
            "io.jasyncio.load.LoadMain");
    private static final List<String> MODULES = List.of(
            "io.jasyncio", "io.jasyncio.transport", "io.jasyncio.netty", "io.jasyncio.debug", "io.jasyncio.load");

    private static final Map<String, ModuleReference> REFERENCES = new TreeMap<>();
    /** The packages exported to everyone, over all library modules. */
    private static final Set<String> PUBLIC_PACKAGES = new TreeSet<>();

    @BeforeAll
    static void readModules() throws Exception {
        for (String anchor : ANCHORS) {
            Class<?> c = Class.forName(anchor, false, PublicApiTest.class.getClassLoader());
            Path where = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
            Set<ModuleReference> found = ModuleFinder.of(where).findAll();
            assertEquals(1, found.size(), () -> "no module descriptor (module-info.class) at " + where);
            ModuleReference ref = found.iterator().next();
            REFERENCES.put(ref.descriptor().name(), ref);
        }
        for (ModuleReference ref : REFERENCES.values()) {
            for (ModuleDescriptor.Exports e : ref.descriptor().exports()) {
                if (!e.isQualified()) {
                    PUBLIC_PACKAGES.add(e.source());
                }
            }
        }
    }

    @Test
    void testEveryLibraryModuleHasADescriptor() {
        assertEquals(new TreeSet<>(MODULES), REFERENCES.keySet());
    }

    @Test
    void testNoInternalPackageIsExportedToEveryone() {
        List<String> offenders = new ArrayList<>();
        for (ModuleReference ref : REFERENCES.values()) {
            ModuleDescriptor d = ref.descriptor();
            for (ModuleDescriptor.Exports e : d.exports()) {
                if (e.source().contains(".internal") && !e.isQualified()) {
                    offenders.add(d.name() + " exports " + e.source() + " to everyone");
                }
                for (String target : e.targets()) {
                    if (!MODULES.contains(target)) {
                        offenders.add(d.name() + " exports " + e.source() + " to " + target
                                + ", which is not a jasyncio module");
                    }
                }
            }
        }
        assertTrue(offenders.isEmpty(), () -> "internal packages exported:\n  " + String.join("\n  ", offenders));
    }

    @Test
    void testTheNettyLoopIsReachedOnlyAsAService() {
        ModuleDescriptor netty = REFERENCES.get("io.jasyncio.netty").descriptor();
        assertTrue(netty.exports().stream().allMatch(ModuleDescriptor.Exports::isQualified),
                () -> "io.jasyncio.netty exports " + netty.exports());
        assertFalse(netty.provides().isEmpty(), "io.jasyncio.netty provides no EventLoopProvider");
    }

    @Test
    void testHandlesAreMadeOnlyByLoops() throws Exception {
        for (String name : List.of("io.jasyncio.Handle", "io.jasyncio.TimerHandle")) {
            Class<?> c = Class.forName(name);
            assertEquals(List.of(), List.of(c.getConstructors()), name + " has public constructors");
            assertFalse(List.of(c.getMethods()).stream().anyMatch(m -> m.getName().equals("run")
                    || m.getName().equals("setScheduled")), name + " lets users run or reschedule it");
        }
    }

    @Test
    void testTheLoopsBookkeepingIsNotPublic() throws Exception {
        // Reachable on the class path through any loop, e.g. the public NettyEventLoop, if they were public.
        Class<?> base = Class.forName("io.jasyncio.internal.BaseEventLoop");
        Set<String> mutators = Set.of("swapCurrentTask", "registerTask", "unregisterTask", "bindFiberThread",
                "setActiveFiberThread", "timerHandleCancelled");
        List<String> exposed = java.util.Arrays.stream(base.getMethods()).map(Method::getName)
                .filter(mutators::contains).sorted().toList();
        assertEquals(List.of(), exposed);
    }

    @Test
    void testNoPublicSignatureNamesAnInternalType() throws Exception {
        Map<String, Set<String>> offenders = new TreeMap<>();
        int types = 0;
        for (ModuleReference ref : REFERENCES.values()) {
            for (String className : classNames(ref)) {
                String pkg = className.substring(0, className.lastIndexOf('.'));
                if (!PUBLIC_PACKAGES.contains(pkg)) {
                    continue;
                }
                Class<?> c = Class.forName(className, false, PublicApiTest.class.getClassLoader());
                if (!isApi(c)) {
                    continue;
                }
                types++;
                scanType(c, offenders);
            }
        }
        assertTrue(types > 50, "found only " + types + " public types: the scan did not see the API");
        assertTrue(offenders.isEmpty(), () -> "public API naming types of packages not exported to everyone ("
                + offenders.size() + " members):\n" + offenders.entrySet().stream()
                        .map(e -> "  " + e.getKey() + "\n      names " + String.join(", ", e.getValue()))
                        .collect(Collectors.joining("\n")));
    }

    /** Whether users can name the type: public, and each enclosing type public too. */
    private static boolean isApi(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getDeclaringClass()) {
            if (!Modifier.isPublic(k.getModifiers())) {
                return false;
            }
        }
        return !c.isSynthetic() && !c.isAnonymousClass() && !c.isLocalClass();
    }

    private static void scanType(Class<?> c, Map<String, Set<String>> offenders) {
        String type = c.getName();
        checkSuperclass(type + " extends", c.getGenericSuperclass(), offenders);
        for (Type i : c.getGenericInterfaces()) {
            check(type + " implements", i, offenders);
        }
        for (TypeVariable<?> v : c.getTypeParameters()) {
            check(type + " type parameter " + v.getName(), v, offenders);
        }
        // Protected members count where users can subclass: not in final classes, enums or records.
        boolean subclassable = !Modifier.isFinal(c.getModifiers()) && !c.isEnum() && !c.isRecord();
        for (Constructor<?> k : c.getDeclaredConstructors()) {
            if (visible(k, subclassable)) {
                checkExecutable(type + ".<init>" + params(k), k, offenders);
            }
        }
        Set<Method> methods = new HashSet<>(List.of(c.getMethods()));
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            for (Method m : k.getDeclaredMethods()) {
                if (visible(m, subclassable)) {
                    methods.add(m);
                }
            }
        }
        for (Method m : methods) {
            if (m.isSynthetic() || m.isBridge() || m.getDeclaringClass() == Object.class) {
                continue;
            }
            String where = type + "." + m.getName() + params(m)
                    + (m.getDeclaringClass() == c ? "" : " (from " + m.getDeclaringClass().getName() + ")");
            checkExecutable(where, m, offenders);
            check(where + " returns", m.getGenericReturnType(), offenders);
        }
        Set<Field> fields = new HashSet<>(List.of(c.getFields()));
        for (Field f : c.getDeclaredFields()) {
            if (visible(f, subclassable)) {
                fields.add(f);
            }
        }
        for (Field f : fields) {
            if (!f.isSynthetic()) {
                check(type + "." + f.getName(), f.getGenericType(), offenders);
            }
        }
    }

    /**
     * A superclass may be package-private in an exported package (as {@code StringBuilder}'s is): users see only the
     * public members it passes on, and those are checked as the subclass's own. Its type arguments, and a superclass
     * from a package that is not exported, are checked as any other type.
     */
    private static void checkSuperclass(String where, Type t, Map<String, Set<String>> offenders) {
        Type raw = t instanceof ParameterizedType p ? p.getRawType() : t;
        if (raw instanceof Class<?> c && PUBLIC_PACKAGES.contains(c.getPackageName())) {
            if (t instanceof ParameterizedType p) {
                for (Type a : p.getActualTypeArguments()) {
                    check(where, a, offenders);
                }
            }
            return;
        }
        check(where, t, offenders);
    }

    private static boolean visible(Member m, boolean subclassable) {
        int mod = m.getModifiers();
        return !m.isSynthetic() && (Modifier.isPublic(mod) || subclassable && Modifier.isProtected(mod));
    }

    private static void checkExecutable(String where, Executable e, Map<String, Set<String>> offenders) {
        for (Type p : e.getGenericParameterTypes()) {
            check(where, p, offenders);
        }
        for (Type x : e.getGenericExceptionTypes()) {
            check(where + " throws", x, offenders);
        }
        for (TypeVariable<?> v : e.getTypeParameters()) {
            check(where, v, offenders);
        }
    }

    private static String params(Executable e) {
        return java.util.Arrays.stream(e.getParameterTypes()).map(Class::getSimpleName)
                .collect(Collectors.joining(", ", "(", ")"));
    }

    private static void check(String where, Type t, Map<String, Set<String>> offenders) {
        Set<String> hidden = new TreeSet<>();
        collectHidden(t, hidden, new HashSet<>());
        if (!hidden.isEmpty()) {
            offenders.computeIfAbsent(where, k -> new TreeSet<>()).addAll(hidden);
        }
    }

    /** Adds to {@code hidden} the jasyncio types that {@code t} names and users cannot reach, and Netty's types. */
    private static void collectHidden(Type t, Set<String> hidden, Set<TypeVariable<?>> seen) {
        if (t == null) {
            return;
        }
        if (t instanceof Class<?> c) {
            while (c.isArray()) {
                c = c.getComponentType();
            }
            if (c.isPrimitive()) {
                return;
            }
            String name = c.getName();
            if (name.startsWith("io.jasyncio.") && !(PUBLIC_PACKAGES.contains(c.getPackageName()) && isApi(c))) {
                hidden.add(name);
            } else if (name.startsWith("io.netty.")) {
                hidden.add(name + " (Netty's: the API speaks of ByteBuffers, sockets and TransportKind)");
            }
        } else if (t instanceof ParameterizedType p) {
            collectHidden(p.getRawType(), hidden, seen);
            collectHidden(p.getOwnerType(), hidden, seen);
            for (Type a : p.getActualTypeArguments()) {
                collectHidden(a, hidden, seen);
            }
        } else if (t instanceof WildcardType w) {
            for (Type b : w.getUpperBounds()) {
                collectHidden(b, hidden, seen);
            }
            for (Type b : w.getLowerBounds()) {
                collectHidden(b, hidden, seen);
            }
        } else if (t instanceof GenericArrayType a) {
            collectHidden(a.getGenericComponentType(), hidden, seen);
        } else if (t instanceof TypeVariable<?> v && seen.add(v)) {
            for (Type b : v.getBounds()) {
                collectHidden(b, hidden, seen);
            }
        }
    }

    /** The classes of a module, by binary name. */
    private static List<String> classNames(ModuleReference ref) {
        try (ModuleReader reader = ref.open()) {
            return reader.list()
                    .filter(n -> n.endsWith(".class") && !n.endsWith("module-info.class")
                            && !n.endsWith("package-info.class"))
                    .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
