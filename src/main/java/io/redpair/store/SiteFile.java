package io.redpair.store;

import io.redpair.pair.Site;
import java.nio.file.Path;

/** Reads and writes the site file (JSON, "version": 1). See docs/site-file.md. */
public final class SiteFile {

    private SiteFile() {
    }

    public static Site load(Path file) throws SiteFileException {
        throw new SiteFileException(file, "not implemented yet", null);
    }

    public static void save(Path file, Site site) throws SiteFileException {
        throw new SiteFileException(file, "not implemented yet", null);
    }
}
