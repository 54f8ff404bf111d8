@NullMarked
package dev.migrations.boot.testcontainers;

import org.jspecify.annotations.NullMarked;
