package io.redpair.ui.site;

import io.redpair.pair.Site;
import io.redpair.store.SecretResolver;
import io.redpair.store.SiteFileException;
import io.redpair.store.trust.ConfirmedPins;
import io.redpair.store.trust.PinFileException;
import io.redpair.supervisor.NodeRedBoxPort;
import io.redpair.supervisor.Supervisor;
import io.redpair.supervisor.SiteLock;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How the console opens a site: it runs the supervisor itself when the site is free, and attaches to the
 * headless {@code redpair supervise} that holds the site's lock otherwise, so there is never a second actor.
 */
public final class SiteConnections {

    private SiteConnections() {
    }

    /**
     * Opens {@code siteFile} for watching only (issue 8 item 5): attached to the running supervisor's status
     * when one answers, else a supervisor of its own in observe-only mode (no journal, no decisions) that probes
     * the boxes. Never takes the site lock, never opens an arbiter session, never sends a request that changes
     * anything. Blocking: call it off the JavaFX thread.
     */
    public static SiteConnection openReadOnly(Path siteFile) throws IOException, SiteFileException {
        try {
            return new ReadOnlyConnection(AttachedSupervisorConnection.attach(siteFile),
                    "Watching supervise pid " + SiteLock.holderOf(siteFile));
        } catch (IOException noSupervisor) {
            Site site = withPins(siteFile);
            Supervisor observer = Supervisor.start(site, null, NodeRedBoxPort.factory(new SecretResolver()));
            return new ReadOnlyConnection(new OwnSupervisorConnection(observer, () -> { }),
                    "No supervisor runs: probing the boxes");
        }
    }

    /** The site with the confirmed TLS pins applied (a pins-file error reads as an I/O error, with its text). */
    static Site withPins(Path siteFile) throws IOException, SiteFileException {
        try {
            return ConfirmedPins.loadSite(siteFile);
        } catch (PinFileException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** Blocking (file I/O, one control-channel round trip): call it off the JavaFX thread. */
    public static SiteConnection open(Path siteFile) throws IOException, SiteFileException {
        try {
            return OwnSupervisorConnection.open(siteFile);
        } catch (IOException ownFailed) {
            Optional<SiteLock> free = SiteLock.tryAcquire(siteFile);
            if (free.isPresent()) {
                free.get().close();
                throw ownFailed; // not a lock conflict: report the real cause
            }
            try {
                return AttachedSupervisorConnection.attach(siteFile);
            } catch (IOException attachFailed) {
                throw new IOException("the site is held by supervise pid " + SiteLock.holderOf(siteFile)
                        + " but its control channel does not answer: " + attachFailed.getMessage(), attachFailed);
            }
        }
    }
}
