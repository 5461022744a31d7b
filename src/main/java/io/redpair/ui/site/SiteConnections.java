package io.redpair.ui.site;

import io.redpair.store.SiteFileException;
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
