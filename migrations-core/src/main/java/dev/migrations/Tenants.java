package dev.migrations;

import dev.migrations.api.AppliedStep;
import dev.migrations.api.MigrationsException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An instance's tenants and the fan-out over them: one command run for every tenant on a bounded
 * pool ({@code parallelism} tenants at once, one connection each), every tenant's result kept, a
 * failed tenant stopping only itself unless the fan-out is fail-fast.
 *
 * <pre>
 * TenantRun&lt;List&lt;AppliedStep&gt;&gt; run = migrations.tenants().upgrade("heads");
 * log.info(run.summary()); // migrated 200 tenants: 199 upgraded, 1 failed: t_013 (revision ..., statement ...)
 * </pre>
 */
public final class Tenants {

    private static final Logger log = LoggerFactory.getLogger(Tenants.class);
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final Migrations instance;
    private final TenantSettings settings;

    Tenants(Migrations instance, TenantSettings settings) {
        this.instance = instance;
        this.settings = settings;
    }

    /** Whether tenants are configured at all. */
    public boolean configured() {
        return settings.source() != null;
    }

    public int parallelism() {
        return settings.parallelism();
    }

    public boolean failFast() {
        return settings.failFast();
    }

    /** The tenants as their source gives them now; fails on a duplicate name. */
    public List<Tenant> list() {
        if (settings.source() == null) {
            return List.of();
        }
        List<Tenant> tenants = List.copyOf(settings.source().tenants());
        Set<String> names = new HashSet<>();
        for (Tenant tenant : tenants) {
            if (!names.add(tenant.name())) {
                throw new MigrationsException("Tenant " + tenant.name() + " is listed twice: give every tenant"
                        + " a name of its own (migrations.tenants.schemas, or the MigrationsTenants bean).");
            }
        }
        return tenants;
    }

    /**
     * Upgrades every tenant to {@code target} ({@code heads} when null). For {@code heads}, the schema
     * tenants already there are recognised in one batch read and not connected to one by one.
     */
    public TenantRun<List<AppliedStep>> upgrade(String target) {
        List<Tenant> tenants = list();
        Set<String> atHeads = target == null || "heads".equals(target) ? instance.tenantsAtHeads(tenants) : Set.of();
        TenantRun<List<AppliedStep>> run = run(
                tenants,
                "migrated",
                m -> atHeads.contains(m.tenantName()) ? List.of() : m.upgrade(target),
                steps -> steps.isEmpty() ? "up to date" : "upgraded");
        if (run.anyFailed()) {
            log.warn(run.summary());
        } else {
            log.info(run.summary());
        }
        return run;
    }

    /**
     * A tenant's standing in a word: {@code failed} (a revision failed, or an applied script was
     * edited), {@code up to date}, or {@code behind}.
     */
    public static String standing(DatabaseStatus status) {
        if (!status.failed().isEmpty() || !status.checksumMismatches().isEmpty()) {
            return "failed";
        }
        return status.upToDate() ? "up to date" : "behind";
    }

    /** Where every tenant stands ({@link #standing}); reads only, takes no lock. */
    public TenantRun<DatabaseStatus> status() {
        return run(list(), settings.parallelism(), "read", Migrations::status, Tenants::standing);
    }

    /**
     * Runs {@code work} for each of {@code tenants} on the pool. {@code verb} starts the summary line;
     * {@code outcome} names what a successful result means ({@code up to date}, {@code upgraded}).
     */
    public <T> TenantRun<T> run(
            List<Tenant> tenants, String verb, Function<Migrations, T> work, Function<T, String> outcome) {
        int threads = settings.parallelism();
        if (threads > 1
                && tenants.stream().anyMatch(t -> t.dataSource() == null)
                && !instance.concurrentSchemaChanges()) {
            log.info("This database locks its catalog for a transaction's DDL: tenants run one at a time.");
            threads = 1;
        }
        return run(tenants, threads, verb, work, outcome);
    }

    private <T> TenantRun<T> run(
            List<Tenant> tenants,
            int parallelism,
            String verb,
            Function<Migrations, T> work,
            Function<T, String> outcome) {
        List<TenantResult<T>> results = new ArrayList<>();
        if (tenants.isEmpty()) {
            return new TenantRun<>(verb, results, outcome);
        }
        int threads = Math.min(parallelism, tenants.size());
        int pool = POOLS.incrementAndGet();
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "migrations-tenants-" + pool + "-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        AtomicBoolean stop = new AtomicBoolean();
        try {
            List<Future<TenantResult<T>>> futures = new ArrayList<>();
            for (Tenant tenant : tenants) {
                futures.add(executor.submit(() -> runOne(tenant, work, stop)));
            }
            for (Future<TenantResult<T>> future : futures) {
                results.add(future.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationsException("Interrupted while migrating tenants; tenants that had started finish"
                    + " their current revision and stop at their last good revision.");
        } catch (ExecutionException e) {
            throw new IllegalStateException("A tenant task failed outside its own error handling", e.getCause());
        } finally {
            executor.shutdownNow();
        }
        return new TenantRun<>(verb, results, outcome);
    }

    private <T> TenantResult<T> runOne(Tenant tenant, Function<Migrations, T> work, AtomicBoolean stop) {
        if (stop.get()) {
            return TenantResult.notStarted(tenant);
        }
        try {
            return TenantResult.done(tenant, work.apply(instance.tenant(tenant)));
        } catch (RuntimeException e) {
            MigrationsException error = e instanceof MigrationsException m
                    ? m
                    : new MigrationsException("Tenant " + tenant.name() + " failed: " + e, e);
            log.error("Tenant {} failed: {}", tenant.name(), error.getMessage());
            if (settings.failFast()) {
                stop.set(true);
            }
            return TenantResult.failed(tenant, error);
        }
    }
}
