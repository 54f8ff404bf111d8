@NullMarked
package dev.migrations.boot.docker.compose;

import org.jspecify.annotations.NullMarked;
