/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */

/**
 * Tests of the public API's boundaries: what the library modules export, and that nothing they export names a type
 * that users cannot reach. They read the module descriptors of the built library modules, so they fail when a
 * {@code module-info.java} and the code drift apart.
 */
package io.jasyncio.tests.api;
