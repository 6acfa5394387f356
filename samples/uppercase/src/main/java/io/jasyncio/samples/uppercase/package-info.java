/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */

/**
 * A project that uses jasyncio as a dependency, built outside jasyncio's own build against the installed
 * artifacts, exactly as the README's "Use it in your project" says: a line-based server on Streams and clients in a
 * {@code TaskGroup} under a timeout, all on one loop in one task tree. It prints its results on standard output
 * because it is a program whose output {@code samples/run-samples.sh} checks, not library code.
 */
package io.jasyncio.samples.uppercase;
