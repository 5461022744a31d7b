package io.redpair.cli;

import io.redpair.pair.Site;
import io.redpair.store.SecretResolver;
import io.redpair.store.SiteFileException;
import io.redpair.store.trust.ConfirmedPins;
import io.redpair.store.trust.PinFileException;
import io.redpair.supervisor.NodeRedBoxPort;
import io.redpair.supervisor.PairRuntimeView;
import io.redpair.supervisor.Supervisor;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Shared steps of the site commands: load the site file with a clear error, build the box ports, wait. */
final class SiteSession {

    private SiteSession() {
    }

    /**
     * The site with the TLS pins confirmed by {@code redpair trust} applied, or null after printing why it
     * cannot be used (the caller returns {@link ExitCodes#BAD_INPUT}).
     */
    static Site load(Path siteFile, PrintWriter err) {
        try {
            return ConfirmedPins.loadSite(siteFile);
        } catch (SiteFileException | PinFileException | IllegalArgumentException e) {
            err.println("redpair: " + e.getMessage());
            return null;
        }
    }

    /** The pair {@code pairId} of the site file, or null after printing why not (caller returns BAD_INPUT). */
    static io.redpair.pair.Pair loadPair(Path siteFile, String pairId, PrintWriter err) {
        Site site = load(siteFile, err);
        if (site == null) {
            return null;
        }
        io.redpair.pair.Pair pair = site.pair(pairId).orElse(null);
        if (pair == null) {
            err.println("redpair: no pair '" + pairId + "' in " + siteFile);
        }
        return pair;
    }

    static Supervisor.BoxPortFactory ports() {
        return NodeRedBoxPort.factory(new SecretResolver());
    }

    /** Polls {@code condition} on the supervisor thread until it holds for every pair, or the time is up. */
    static boolean awaitAllPairs(Supervisor supervisor, Predicate<PairRuntimeView> condition, Duration limit)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            boolean all = supervisor.site().pairs().stream().allMatch(p ->
                    supervisor.inspect(p.id(), condition::test).join());
            if (all) {
                return true;
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        return false;
    }

    /** Longest start-up grace plus deadline of the site's pairs, plus a margin: how long a one-shot run waits. */
    static Duration settleTime(Site site) {
        long ms = site.pairs().stream()
                .mapToLong(p -> p.policy().startupGraceMs() + p.policy().deadlineMs()).max().orElse(0);
        return Duration.ofMillis(ms + 5_000);
    }
}
